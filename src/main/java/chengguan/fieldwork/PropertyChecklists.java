package chengguan.fieldwork;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import chengguan.platform.audit.AuditAction;
import chengguan.platform.audit.AuditLog;
import chengguan.platform.web.ConflictException;
import chengguan.platform.web.NotFoundException;

/**
 * Inspection checklists. Editing one changes only inspections yet to come: past inspections keep the item names
 * and maxima they were scored against.
 */
@Service
public class PropertyChecklists {

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	PropertyChecklists(JdbcClient jdbc, AuditLog auditLog) {
		this.jdbc = jdbc;
		this.auditLog = auditLog;
	}

	/** Every checklist, the default first. */
	@Transactional(readOnly = true)
	public List<PropertyChecklist> all() {
		Map<Long, List<PropertyChecklist.Item>> items = jdbc.sql("""
				SELECT checklist_id, name, max_score FROM property_checklist_item ORDER BY checklist_id, position""")
			.query((rs, n) -> Map.entry(rs.getLong(1), new PropertyChecklist.Item(rs.getString(2), rs.getInt(3))))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
		return jdbc.sql("SELECT id, name, is_default, version FROM property_checklist ORDER BY is_default DESC, name")
			.query((rs, n) -> new PropertyChecklist(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getLong(4),
					items.getOrDefault(rs.getLong(1), List.of())))
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<PropertyChecklist> find(long id) {
		return jdbc.sql("SELECT id, name, is_default, version FROM property_checklist WHERE id = ?")
			.param(id)
			.query((rs, n) -> new PropertyChecklist(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getLong(4),
					items(rs.getLong(1))))
			.optional();
	}

	/** The checklist inspections use unless another is chosen (物业服务监督检查表, seeded by the migration). */
	@Transactional(readOnly = true)
	public PropertyChecklist defaultChecklist() {
		return jdbc.sql("SELECT id FROM property_checklist WHERE is_default = TRUE ORDER BY id")
			.query(Long.class)
			.list()
			.stream()
			.findFirst()
			.flatMap(this::find)
			.orElseThrow(NotFoundException::new);
	}

	private List<PropertyChecklist.Item> items(long checklistId) {
		return jdbc.sql("SELECT name, max_score FROM property_checklist_item WHERE checklist_id = ? ORDER BY position")
			.param(checklistId)
			.query((rs, n) -> new PropertyChecklist.Item(rs.getString(1), rs.getInt(2)))
			.list();
	}

	@Transactional
	public PropertyChecklist create(String name, List<PropertyChecklist.Item> items) {
		PropertyChecklist.check(name, items);
		requireFreeName(name.strip(), null);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO property_checklist (name) VALUES (?)").param(name.strip()).update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		insertItems(id, items);
		auditLog.record(AuditAction.PROPERTY_CHECKLIST_SAVED, "property_checklist", id, describe(name, items));
		return find(id).orElseThrow();
	}

	/** Replaces the checklist's name and items; inspections already made keep theirs. */
	@Transactional
	public PropertyChecklist update(long id, long seenVersion, String name, List<PropertyChecklist.Item> items) {
		find(id).orElseThrow(NotFoundException::new);
		PropertyChecklist.check(name, items);
		requireFreeName(name.strip(), id);
		int updated = jdbc.sql("UPDATE property_checklist SET name = ?, version = version + 1 WHERE id = ? AND version = ?")
			.params(name.strip(), id, seenVersion)
			.update();
		if (updated == 0) {
			throw new OptimisticLockingFailureException("checklist " + id + " changed since it was read");
		}
		jdbc.sql("DELETE FROM property_checklist_item WHERE checklist_id = ?").param(id).update();
		insertItems(id, items);
		auditLog.record(AuditAction.PROPERTY_CHECKLIST_SAVED, "property_checklist", id, describe(name, items));
		return find(id).orElseThrow();
	}

	private void insertItems(long checklistId, List<PropertyChecklist.Item> items) {
		int position = 0;
		for (PropertyChecklist.Item item : items) {
			jdbc.sql("INSERT INTO property_checklist_item (checklist_id, position, name, max_score) VALUES (?, ?, ?, ?)")
				.params(checklistId, position++, item.name().strip(), item.maxScore())
				.update();
		}
	}

	private void requireFreeName(String name, Long ownId) {
		jdbc.sql("SELECT id FROM property_checklist WHERE name = ?")
			.param(name)
			.query(Long.class)
			.optional()
			.filter(existing -> !existing.equals(ownId))
			.ifPresent(existing -> {
				throw new ConflictException("property.checklist.nameTaken", name);
			});
	}

	private static String describe(String name, List<PropertyChecklist.Item> items) {
		return name.strip() + ": " + items.stream()
			.map(item -> item.name().strip() + " " + item.maxScore())
			.collect(Collectors.joining("、"));
	}

}
