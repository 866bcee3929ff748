package chengguan.organization;

import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

@Table("community_team_member")
record TeamMember(long staffId, @Column("team_role") TeamRole role) {
}
