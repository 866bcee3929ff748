package chengguan.organization;

import org.springframework.data.repository.ListCrudRepository;

interface StaffRepository extends ListCrudRepository<Staff, Long> {

}
