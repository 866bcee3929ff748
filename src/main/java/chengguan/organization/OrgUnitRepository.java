package chengguan.organization;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface OrgUnitRepository extends ListCrudRepository<OrgUnit, Long> {

	Optional<OrgUnit> findByName(String name);

}
