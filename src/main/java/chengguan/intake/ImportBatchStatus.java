package chengguan.intake;

/** 预览 → 导入中 → 完成 (or 失败: the file could no longer be read). */
public enum ImportBatchStatus {

	PREVIEWED, RUNNING, DONE, FAILED

}
