package chengguan.fieldwork;

import java.time.LocalDate;

/** A re-inspection as entered: passed closes the notice; failed needs the next deadline. */
public record ReinspectionEntry(LocalDate date, boolean passed, String note, LocalDate newDeadline) {

}
