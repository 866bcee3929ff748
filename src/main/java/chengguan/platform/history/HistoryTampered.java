package chengguan.platform.history;

import java.util.List;

/** Published when a history check finds something new: whoever knows the administrators tells them. */
public record HistoryTampered(long checkId, String summary, List<Finding> findings) {
}
