package chengguan.catalog;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A category's 立案条件 (what the operator must have verified before registering a case) and 结案条件 (what the
 * checker must see before closing it). A category without its own text takes its nearest ancestor's; without any, a
 * general text applies.
 */
@Service
@Transactional(readOnly = true)
public class CategoryConditions {

	/** The two texts; both always present. */
	public record Conditions(String register, String close) {
	}

	static final Conditions GENERAL = new Conditions("核实问题真实存在、属于城市管理职责范围，有现场照片和定位。",
			"问题已解决，处置后照片与上报位置一致，反映人的诉求已答复。");

	private final JdbcClient jdbc;

	CategoryConditions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Conditions of(Long categoryId) {
		if (categoryId == null) {
			return GENERAL;
		}
		// the taxonomy is at most four levels deep
		Optional<Conditions> found = jdbc.sql("""
				SELECT COALESCE(c.register_condition, p.register_condition, g.register_condition, r.register_condition),
				       COALESCE(c.close_condition, p.close_condition, g.close_condition, r.close_condition)
				FROM category c
				LEFT JOIN category p ON p.id = c.parent_id
				LEFT JOIN category g ON g.id = p.parent_id
				LEFT JOIN category r ON r.id = g.parent_id
				WHERE c.id = ?""")
			.param(categoryId)
			.query((rs, n) -> new Conditions(rs.getString(1), rs.getString(2)))
			.optional();
		return found.map(c -> new Conditions(c.register() == null ? GENERAL.register() : c.register(),
				c.close() == null ? GENERAL.close() : c.close())).orElse(GENERAL);
	}

}
