package chengguan.assessment.demo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import javax.imageio.ImageIO;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import chengguan.assessment.MutualRatingTarget;
import chengguan.assessment.MutualRatings;
import chengguan.organization.RegionService;
import chengguan.organization.RegionView;
import chengguan.platform.PlatformProperties;
import chengguan.platform.persistence.DbTime;
import chengguan.platform.security.DataScope;
import chengguan.platform.storage.FileStorage;

/**
 * Last month's 双向评价 from the demo communities (so the ranking's 双向评价 column has figures) and 规范化创建
 * evidence for three workstations (so the checklist scores and the shortlist are not empty). Demo profile only, once.
 */
@Component
@Profile("demo")
@Order(70)
class DemoAssessmentScoring implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoAssessmentScoring.class);

	/** attitude, responsiveness, effectiveness per community in tree order, repeating. */
	private static final int[][] SCORES = { { 5, 5, 4 }, { 4, 4, 4 }, { 5, 4, 3 }, { 3, 4, 4 }, { 5, 5, 5 } };

	/** How many checklist items (in order) each of the first workstations has accepted evidence for. */
	private static final int[] ITEMS_DONE = { 9, 7, 4 };

	private final MutualRatings ratings;

	private final RegionService regions;

	private final FileStorage files;

	private final JdbcClient jdbc;

	private final PlatformProperties platform;

	private final Clock clock;

	DemoAssessmentScoring(MutualRatings ratings, RegionService regions, FileStorage files, JdbcClient jdbc,
			PlatformProperties platform, Clock clock) {
		this.ratings = ratings;
		this.regions = regions;
		this.files = files;
		this.jdbc = jdbc;
		this.platform = platform;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (jdbc.sql("SELECT COUNT(*) FROM mutual_rating").query(Integer.class).single() > 0) {
			return;
		}
		RegionView district = regions.findByCode("370471").orElse(null);
		if (district == null) {
			return;
		}
		YearMonth lastMonth = YearMonth.from(LocalDate.ofInstant(clock.instant(), platform.timeZone())).minusMonths(1);
		int rated = 0;
		List<RegionView> communities = regions.communities(new DataScope(district.id(), district.path(), district.name()));
		for (RegionView community : communities) {
			for (MutualRatingTarget target : ratings.targets(community)) {
				int[] scores = SCORES[rated % SCORES.length];
				jdbc.sql("""
						INSERT INTO mutual_rating (community_id, rating_month, target_kind, target_id, attitude,
						       responsiveness, effectiveness, comment, rated_by, rated_at)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'demo', ?)""")
					.params(community.id(), lastMonth.atDay(1), target.kind().name(), target.id(), scores[0], scores[1],
							scores[2], scores[2] < 4 ? "希望处置结果及时反馈给居委会" : "走访及时，沟通顺畅",
							DbTime.utc(clock.instant()))
					.update();
				rated++;
			}
		}
		List<Long> workstations = jdbc.sql("""
				SELECT u.id FROM org_unit u JOIN region r ON r.id = u.region_id
				WHERE u.kind = 'WORKSTATION' AND r.path LIKE ? ORDER BY r.path, u.id""")
			.param(district.path() + "%")
			.query(Long.class)
			.list();
		List<Long> items = jdbc.sql("SELECT id FROM workstation_checklist_item ORDER BY sort_order, id")
			.query(Long.class)
			.list();
		String photo = files.store(photo(), "image/jpeg");
		for (int w = 0; w < Math.min(ITEMS_DONE.length, workstations.size()); w++) {
			for (int i = 0; i < Math.min(ITEMS_DONE[w], items.size()); i++) {
				jdbc.sql("""
						INSERT INTO workstation_evidence (unit_id, item_id, file_id, content_type, note, accepted,
						       uploaded_by, uploaded_at)
						VALUES (?, ?, ?, 'image/jpeg', '现场照片', TRUE, 'demo', ?)""")
					.params(workstations.get(w), items.get(i), photo, DbTime.utc(clock.instant()))
					.update();
			}
		}
		log.info("Demo data: {} 双向评价 for {}, checklist evidence for {} workstations", rated, lastMonth,
				Math.min(ITEMS_DONE.length, workstations.size()));
	}

	/** A plain picture standing in for a photo of the workstation's notice board. */
	private static byte[] photo() {
		BufferedImage image = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(0x2A6BBF));
		g.fillRect(0, 0, 160, 120);
		g.setColor(Color.WHITE);
		g.fillRect(20, 20, 120, 80);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "jpeg", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
