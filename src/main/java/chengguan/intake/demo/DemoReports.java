package chengguan.intake.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import chengguan.intake.Channel;
import chengguan.intake.IntakeService;
import chengguan.intake.ReportKind;
import chengguan.intake.ReportSubmission;

/**
 * A week of demo reports from every channel across the nine communities, including a likely duplicate, so the
 * inbox, the status pages and the 12345 list have something to show. Demo profile only, on an empty report table.
 */
@Component
@Profile("demo")
@Order(30)
class DemoReports implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoReports.class);

	record Demo(Channel channel, String community, String category, ReportKind kind, String description,
			String latitude, String longitude, String address, String phone, int hoursAgo, String externalId) {
	}

	static final List<Demo> REPORTS = List.of(
			new Demo(Channel.QR_CODE, "370471001001", "E0101", ReportKind.COMPLAINT, "德仁花园北门垃圾堆了三天没人清理，天热有异味。",
					"34.812500", "117.325100", "德仁花园北门", "13900010001", 70, null),
			new Demo(Channel.QR_CODE, "370471001001", "E0101", ReportKind.COMPLAINT, "北门口垃圾一直没人管，希望尽快清运。",
					"34.812620", "117.325180", "德仁花园北门外", "13900010002", 50, null),
			new Demo(Channel.QR_CODE, "370471001002", "E050101", ReportKind.COMPLAINT, "早上七点到九点，光明路口流动摊贩占用人行道，学生上学只能走机动车道。",
					"34.814700", "117.323000", "光明路与兴仁路口", "13900010003", 30, null),
			new Demo(Channel.API, "370471001003", "C0109", ReportKind.HELP, "天安小区 5 号楼前的路灯坏了一个多星期，晚上很黑，老人出门不方便。",
					"34.816800", "117.320900", "天安小区5号楼", null, 26, null),
			new Demo(Channel.HOTLINE_12345, "370471001004", "E0110", ReportKind.COMPLAINT, "复兴街一家烧烤店油烟直排，楼上住户无法开窗。",
					null, null, "复兴街18号", "13900010005", 48, "DEMO-12345-0001"),
			new Demo(Channel.PATROL, "370471001005", "E050401", ReportKind.TIP_OFF, "巡查发现兴安社区 3 号楼有电动车飞线充电，存在火灾隐患。",
					"34.821000", "117.316700", "兴安社区3号楼", null, 20, null),
			new Demo(Channel.WALK_IN, "370471001006", "E05050103", ReportKind.TIP_OFF, "居民到社区工作室反映：松江小区楼下有人圈占公共绿地搭建棚子。",
					null, null, "松江小区12号楼南侧", "13900010007", 8, null),
			new Demo(Channel.GRID, "370471002007", "E0503", ReportKind.COMPLAINT, "网格员上报：兴城花园 2 期消防通道旁堆放大量装修垃圾。",
					"34.798200", "117.340100", "兴城花园二期", null, 6, null),
			new Demo(Channel.COMMUNITY_BODY, "370471002008", "E0601", ReportKind.SUGGESTION, "物业反映：锦绣园小区非机动车棚不足，建议增设充电车棚。",
					null, null, "锦绣园小区", "13900010009", 4, null),
			new Demo(Channel.WHISTLE, "370471003009", "E050502", ReportKind.TIP_OFF, "社区吹哨：欣兴社区临街商铺正在违规扩建，社区劝阻无效，请求执法中队到场。",
					"34.788900", "117.352600", "欣兴路商铺", null, 2, null),
			new Demo(Channel.PHONE, "370471003009", "E0111", ReportKind.COMPLAINT, "电话反映：夜间广场舞音响声音过大，影响休息。",
					null, null, "欣兴广场", "13900010011", 1, null));

	private final IntakeService intake;

	private final JdbcClient jdbc;

	private final Clock clock;

	DemoReports(IntakeService intake, JdbcClient jdbc, Clock clock) {
		this.intake = intake;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (jdbc.sql("SELECT COUNT(*) FROM report").query(Integer.class).single() > 0) {
			return;
		}
		for (Demo demo : REPORTS) {
			intake.importWorkOrder(new ReportSubmission(demo.channel(), demo.community(), demo.category(), demo.kind(),
					demo.description(), decimal(demo.latitude()), decimal(demo.longitude()),
					demo.latitude() == null ? null : 15, demo.address(), null, demo.phone(), List.of(), null, null,
					demo.externalId(), clock.instant().minus(Duration.ofHours(demo.hoursAgo()))),
					demo.channel().isPublic() ? null : "demo");
		}
		log.info("Demo data: {} reports from every channel", REPORTS.size());
	}

	private static BigDecimal decimal(String value) {
		return value == null ? null : new BigDecimal(value);
	}

}
