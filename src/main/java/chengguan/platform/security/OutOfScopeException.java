package chengguan.platform.security;

import chengguan.platform.web.NotFoundException;

/** Answered as 404, the same as a record that does not exist, so nobody learns what lies outside their scope. */
public class OutOfScopeException extends NotFoundException {

}
