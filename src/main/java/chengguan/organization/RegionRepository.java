package chengguan.organization;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface RegionRepository extends ListCrudRepository<Region, Long> {

	Optional<Region> findByCode(String code);

	List<Region> findByPathStartingWithOrderByPath(String pathPrefix);

	List<Region> findByLevelAndPathStartingWith(RegionLevel level, String pathPrefix);

	boolean existsByParentId(Long parentId);

	boolean existsByCode(String code);

}
