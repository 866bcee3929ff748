package chengguan.engagement;

import java.util.Set;

import chengguan.organization.StaffView;
import chengguan.platform.security.DataScope;
import chengguan.platform.security.Role;
import chengguan.platform.security.StaffPrincipal;

/**
 * The event's organiser for recording their duty log: the entry belongs to the organiser's unit and names them,
 * while the person who marked the event held (and whose scope was checked) is the one who recorded it.
 */
record PublicityEventOrganiser(StaffView organiser, StaffPrincipal recordedBy) implements StaffPrincipal {

	@Override
	public long userId() {
		return recordedBy.userId();
	}

	@Override
	public String username() {
		return recordedBy.username();
	}

	@Override
	public String displayName() {
		return organiser.name();
	}

	@Override
	public Set<Role> roles() {
		return recordedBy.roles();
	}

	@Override
	public DataScope scope() {
		return recordedBy.scope();
	}

	@Override
	public Long unitId() {
		return organiser.unitId();
	}

	@Override
	public Long staffId() {
		return organiser.id();
	}

}
