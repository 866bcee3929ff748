package chengguan.platform.security;

import java.io.Serializable;

/**
 * The region subtree a person may see and change: their home region and everything below it. Region paths are
 * the ids from the root down ({@code /1/2/5/}), so "inside the scope" is a prefix test, in Java and in SQL.
 */
public record DataScope(long homeRegionId, String homeRegionPath, String homeRegionName) implements Serializable {

	/** Everything under every root: for jobs and set-up that act for the whole platform. */
	public static final DataScope EVERYWHERE = new DataScope(0, "/", "全部");

	public DataScope {
		if (homeRegionPath == null || !homeRegionPath.startsWith("/") || !homeRegionPath.endsWith("/")) {
			throw new IllegalArgumentException("A region path looks like /1/2/, not " + homeRegionPath);
		}
	}

	public boolean covers(String regionPath) {
		return regionPath != null && regionPath.startsWith(homeRegionPath);
	}

	/** For {@code path LIKE ?}: region paths hold only digits and slashes, so nothing needs escaping. */
	public String pathPattern() {
		return homeRegionPath + "%";
	}

}
