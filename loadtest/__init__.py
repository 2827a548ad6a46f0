"""Load test and fault drill: gunicorn on loopback against PostgreSQL, members replying
to an event, messaging each other and editing their profiles at the same time, then a
check that nothing was lost, duplicated or half written (`make loadtest`, `make drill`).

A testing tool like `bench/`: no app imports it and it is not collected by pytest."""
