"""Every edit of a case as a domain verb: it checks, applies, tells the change stream and
returns its inverse (see ``base``). Grouped by what they edit."""
