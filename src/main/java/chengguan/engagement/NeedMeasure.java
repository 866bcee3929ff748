package chengguan.engagement;

import java.time.LocalDate;

/** 措施: what will be done about a need, who answers for it and by when (一区一策). */
public record NeedMeasure(String measure, String owner, LocalDate deadline) {
}
