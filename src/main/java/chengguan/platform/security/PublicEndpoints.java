package chengguan.platform.security;

import java.util.List;

/**
 * A module's URL patterns that anyone may open without signing in (a resident's reporting page, a notice
 * card). Every bean of this type is collected by the security configuration.
 */
public interface PublicEndpoints {

	List<String> patterns();

}
