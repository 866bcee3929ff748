package chengguan.organization;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import chengguan.platform.storage.FileStorage;
import chengguan.platform.storage.StoredFile;

/** Public facts for a community's notice card; everything here is meant to be read by anyone. */
@Service
public class NoticeCardService {

	/** @param supervisionPhone the 监督电话 on every card; when empty, the phone of the bureau above the community */
	@ConfigurationProperties("chengguan.notice-card")
	public record Settings(String supervisionPhone) {
	}

	private static final int MAX_PEOPLE = 4;

	private final RegionService regions;

	private final JdbcClient jdbc;

	private final FileStorage files;

	private final Settings settings;

	NoticeCardService(RegionService regions, JdbcClient jdbc, FileStorage files, Settings settings) {
		this.regions = regions;
		this.jdbc = jdbc;
		this.files = files;
		this.settings = settings;
	}

	@Transactional(readOnly = true)
	public Optional<NoticeCard> forCommunity(String communityCode) {
		return regions.findByCode(communityCode)
			.filter(region -> region.level() == RegionLevel.COMMUNITY)
			.map(this::card);
	}

	/** The photo of someone who appears on a notice card; nobody else's photo is public. */
	@Transactional(readOnly = true)
	public Optional<StoredFile> photoOnCard(long staffId) {
		return jdbc.sql("""
				SELECT s.photo_file_id FROM staff s
				WHERE s.id = ? AND s.active = TRUE AND s.photo_file_id IS NOT NULL
				  AND (EXISTS (SELECT 1 FROM community_assignment a WHERE a.responsible_staff_id = s.id)
				    OR EXISTS (SELECT 1 FROM community_team_member m WHERE m.staff_id = s.id AND m.team_role = 'LIAISON'))""")
			.param(staffId)
			.query(String.class)
			.optional()
			.flatMap(files::load);
	}

	private NoticeCard card(RegionView community) {
		String street = community.parentId() == null ? ""
				: regions.find(community.parentId()).map(RegionView::name).orElse("");
		record Row(NoticeCard.Person person, String photoFileId) {
		}
		List<Row> rows = new ArrayList<>(jdbc.sql("""
				SELECT s.id, s.name, 'RESPONSIBLE' AS card_role, u.name AS unit_name, s.position_title, s.phone,
				       a.duties, s.photo_file_id, 0 AS rank_order
				FROM community_assignment a JOIN staff s ON s.id = a.responsible_staff_id JOIN org_unit u ON u.id = s.unit_id
				WHERE a.community_id = ? AND s.active = TRUE
				UNION ALL
				SELECT s.id, s.name, m.team_role, u.name, s.position_title, s.phone, s.duties, s.photo_file_id, 1
				FROM community_team_member m JOIN staff s ON s.id = m.staff_id JOIN org_unit u ON u.id = s.unit_id
				WHERE m.community_id = ? AND m.team_role = 'LIAISON' AND s.active = TRUE
				ORDER BY rank_order, id""")
			.params(community.id(), community.id())
			.query((rs, row) -> new Row(new NoticeCard.Person(rs.getLong("id"), rs.getString("name"),
					rs.getString("card_role"), rs.getString("unit_name"), rs.getString("position_title"),
					rs.getString("phone"), rs.getString("duties"), rs.getString("photo_file_id") != null),
					rs.getString("photo_file_id")))
			.list());
		rows = rows.subList(0, Math.min(MAX_PEOPLE, rows.size()));
		List<NoticeCard.Person> people = rows.stream().map(Row::person).toList();
		String supervisionPhone = supervisionPhone(community);
		// A stored photo is never rewritten in place (a new photo gets a new file id), so the ids stand for the images.
		String version = contentVersion(community, street, people,
				rows.stream().map(Row::photoFileId).toList(), supervisionPhone);
		return new NoticeCard(community, street, people, supervisionPhone, version);
	}

	/** A hash of everything the card prints that comes from the database. */
	private static String contentVersion(RegionView community, String street, List<NoticeCard.Person> people,
			List<String> photoFileIds, String supervisionPhone) {
		StringBuilder printed = new StringBuilder().append(community.code())
			.append('\0')
			.append(community.name())
			.append('\0')
			.append(street)
			.append('\0')
			.append(supervisionPhone);
		for (NoticeCard.Person person : people) {
			printed.append('\0').append(person);
		}
		for (String photo : photoFileIds) {
			printed.append('\0').append(photo);
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(printed.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	private String supervisionPhone(RegionView community) {
		if (settings.supervisionPhone() != null && !settings.supervisionPhone().isBlank()) {
			return settings.supervisionPhone();
		}
		return jdbc.sql("""
				SELECT u.phone FROM org_unit u JOIN region r ON r.id = u.region_id
				WHERE u.kind = 'BUREAU' AND u.active = TRUE AND u.phone IS NOT NULL AND ? LIKE (r.path || '%')
				ORDER BY LENGTH(r.path) DESC""")
			.param(community.path())
			.query(String.class)
			.list()
			.stream()
			.findFirst()
			.orElse(null);
	}

}
