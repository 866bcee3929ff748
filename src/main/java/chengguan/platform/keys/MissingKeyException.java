package chengguan.platform.keys;

import java.nio.file.Path;

/** Stops the start when a deployment has no key: every node must use the same one, so none may invent its own. */
public class MissingKeyException extends IllegalStateException {

	public MissingKeyException(KeyPurpose purpose, Path file) {
		super("缺少" + (purpose == KeyPurpose.HISTORY ? "办理经过签名密钥" : purpose.fileName() + " 密钥")
				+ "：请通过环境变量 CHENGGUAN_KEYS_" + purpose.name() + "（编号:BASE64）或密钥文件 " + file.toAbsolutePath()
				+ "（chengguan.keys.file）提供，所有节点使用同一密钥。No " + purpose.fileName()
				+ " key configured: set CHENGGUAN_KEYS_" + purpose.name() + " or chengguan.keys.file (see README, 安全).");
	}

}
