package chengguan.catalog;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import chengguan.platform.web.InvalidRequestException;

/** A node of the taxonomy; only leaves are reported against and carry handling rules. Codes never change. */
@Table("category")
public class Category {

	static final int MAX_DEPTH = 4;

	@Id
	private Long id;

	private Long parentId;

	private String code;

	private String name;

	private CategoryKind kind;

	private int depth;

	private int sortOrder;

	private boolean leaf;

	private String responsibleDepartment;

	private HandlingMode handlingMode;

	private Integer acceptMinutes;

	private Integer handleMinutes;

	private LimitBasis limitBasis;

	private String legalBasis;

	private String icon;

	private boolean active = true;

	@Version
	private Long version;

	Category() {
	}

	/** A new leaf under this node; the node stops being a leaf itself. */
	Category newChild(String childCode, String childName, int childSort, CategoryRules rules) {
		if (depth >= MAX_DEPTH) {
			throw new InvalidRequestException("category.tooDeep", MAX_DEPTH);
		}
		if (!childCode.startsWith(code)) {
			throw new InvalidRequestException("category.codeMustExtendParent", code);
		}
		Category child = new Category();
		child.parentId = id;
		child.code = childCode;
		child.name = childName;
		child.kind = kind;
		child.depth = depth + 1;
		child.sortOrder = childSort;
		child.leaf = true;
		child.apply(childName, childSort, rules);
		return child;
	}

	void becomeBranch() {
		leaf = false;
	}

	void apply(String newName, int newSort, CategoryRules rules) {
		if (rules.acceptMinutes() <= 0 || rules.handleMinutes() <= 0 || rules.acceptMinutes() > rules.handleMinutes()) {
			throw new InvalidRequestException("category.limitsInvalid");
		}
		this.name = newName;
		this.sortOrder = newSort;
		this.responsibleDepartment = rules.responsibleDepartment();
		this.handlingMode = rules.handlingMode();
		this.acceptMinutes = rules.acceptMinutes();
		this.handleMinutes = rules.handleMinutes();
		this.limitBasis = rules.limitBasis();
		this.legalBasis = rules.legalBasis();
		this.icon = rules.icon();
		this.active = rules.active();
	}

	CategoryView view() {
		return new CategoryView(id, parentId, code, name, kind, depth, sortOrder, leaf, responsibleDepartment,
				handlingMode, acceptMinutes, handleMinutes, limitBasis, legalBasis, icon, active, version);
	}

	Long id() {
		return id;
	}

	boolean leaf() {
		return leaf;
	}

	Long version() {
		return version;
	}

}
