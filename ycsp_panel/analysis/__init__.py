"""Pure computations behind the target views: no Panel here."""
