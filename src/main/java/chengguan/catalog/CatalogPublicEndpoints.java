package chengguan.catalog;

import java.util.List;

import org.springframework.stereotype.Component;

import chengguan.platform.security.PublicEndpoints;

@Component
class CatalogPublicEndpoints implements PublicEndpoints {

	@Override
	public List<String> patterns() {
		return List.of("/api/v1/categories");
	}

}
