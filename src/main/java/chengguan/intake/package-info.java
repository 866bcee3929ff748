/**
 * Intake: every channel into one place. Residents report by QR code (page and public API), staff record what
 * reaches them in person, by phone, on patrol or by 社区吹哨, and 12345 hotline work orders are imported.
 * Each report gets a tracking code and a public timeline; likely duplicates are flagged for merging.
 */
@org.springframework.modulith.ApplicationModule(displayName = "诉求受理")
package chengguan.intake;
