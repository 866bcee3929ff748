package chengguan.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import chengguan.platform.audit.AuditAction;
import chengguan.platform.audit.AuditLog;
import chengguan.platform.web.ConflictException;
import chengguan.platform.web.NotFoundException;

/** The taxonomy: reads for every module, edits for administrators. */
@Service
public class CategoryService {

	private static final Comparator<CategoryView> ORDER = Comparator.comparingInt(CategoryView::sortOrder)
		.thenComparing(CategoryView::code);

	private final CategoryRepository categories;

	private final AuditLog auditLog;

	private final CategoryCache cache;

	CategoryService(CategoryRepository categories, AuditLog auditLog, CategoryCache cache) {
		this.categories = categories;
		this.auditLog = auditLog;
		this.cache = cache;
	}

	@Transactional(readOnly = true)
	public Optional<CategoryView> find(long id) {
		return categories.findById(id).map(Category::view);
	}

	@Transactional(readOnly = true)
	public Optional<CategoryView> findByCode(String code) {
		return categories.findByCode(code).map(Category::view);
	}

	/** The roots (事件, 部件) with everything below them. */
	@Transactional(readOnly = true)
	public List<CategoryNode> tree() {
		List<CategoryView> all = categories.findAll().stream().map(Category::view).toList();
		Map<Long, List<CategoryView>> byParent = new HashMap<>();
		for (CategoryView category : all) {
			byParent.computeIfAbsent(category.parentId(), key -> new ArrayList<>()).add(category);
		}
		return byParent.getOrDefault(null, List.of()).stream().sorted(ORDER).map(root -> node(root, byParent)).toList();
	}

	/** Leaves a resident may report against, in tree order, each with the path of names above it. */
	@Transactional(readOnly = true)
	public List<ReportableCategory> reportable() {
		List<ReportableCategory> result = new ArrayList<>();
		for (CategoryNode root : tree()) {
			collect(root, List.of(), result);
		}
		return result;
	}

	private static void collect(CategoryNode node, List<String> above, List<ReportableCategory> into) {
		if (node.category().reportable()) {
			into.add(new ReportableCategory(node.category(), String.join(" / ", above)));
		}
		List<String> path = new ArrayList<>(above);
		if (node.category().depth() > 0) {
			path.add(node.category().name());
		}
		for (CategoryNode child : node.children()) {
			collect(child, path, into);
		}
	}

	private static CategoryNode node(CategoryView category, Map<Long, List<CategoryView>> byParent) {
		return new CategoryNode(category, byParent.getOrDefault(category.id(), List.of())
			.stream()
			.sorted(ORDER)
			.map(child -> node(child, byParent))
			.toList());
	}

	@Transactional
	public CategoryView update(long id, long seenVersion, String name, int sortOrder, CategoryRules rules) {
		Category category = categories.findById(id).orElseThrow(NotFoundException::new);
		if (category.version() != seenVersion) {
			throw new OptimisticLockingFailureException("category " + id + " changed since it was read");
		}
		category.apply(name, sortOrder, rules);
		cache.forget();
		CategoryView saved = categories.save(category).view();
		auditLog.record(AuditAction.CATEGORY_UPDATED, "category", saved.code(),
				"name=" + name + " dept=" + rules.responsibleDepartment() + " mode=" + rules.handlingMode()
						+ " limits=" + rules.acceptMinutes() + "/" + rules.handleMinutes() + " active=" + rules.active());
		return saved;
	}

	@Transactional
	public CategoryView addChild(long parentId, String code, String name, int sortOrder, CategoryRules rules) {
		Category parent = categories.findById(parentId).orElseThrow(NotFoundException::new);
		if (categories.findByCode(code).isPresent()) {
			throw new ConflictException("category.codeTaken", code);
		}
		cache.forget();
		Category child = categories.save(parent.newChild(code, name, sortOrder, rules));
		if (parent.leaf()) {
			parent.becomeBranch();
			categories.save(parent);
		}
		auditLog.record(AuditAction.CATEGORY_CREATED, "category", code, "parent=" + parentId + " name=" + name);
		return child.view();
	}

}
