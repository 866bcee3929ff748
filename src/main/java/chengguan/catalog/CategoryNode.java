package chengguan.catalog;

import java.util.List;

public record CategoryNode(CategoryView category, List<CategoryNode> children) {
}
