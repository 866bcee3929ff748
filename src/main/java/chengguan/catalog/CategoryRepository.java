package chengguan.catalog;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface CategoryRepository extends ListCrudRepository<Category, Long> {

	Optional<Category> findByCode(String code);

}
