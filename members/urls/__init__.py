"""The member area's URL configurations: `member_area` (/members/), `events`
(/<language>/events/) and `admin` (/admin/members/)."""
