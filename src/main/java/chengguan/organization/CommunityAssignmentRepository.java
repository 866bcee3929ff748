package chengguan.organization;

import org.springframework.data.repository.ListCrudRepository;

interface CommunityAssignmentRepository extends ListCrudRepository<CommunityAssignment, Long> {

}
