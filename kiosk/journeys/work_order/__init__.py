"""Work orders (一号通办): a request the court answers within a promised time limit, tracked by its slip."""
