"""What commands show, as typed, frozen records built from the model, each with its JSON shape."""
