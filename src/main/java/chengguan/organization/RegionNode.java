package chengguan.organization;

import java.util.List;

public record RegionNode(RegionView region, List<RegionNode> children) {
}
