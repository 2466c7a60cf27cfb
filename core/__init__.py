"""Pure computation: torch / numpy / scikit-learn in, frozen dataclasses of numpy arrays out."""
