"""`train ablate`: compare data mixes under identical conditions (one room for the one command).

    cli      the verb, options or a YAML spec -> AblationSpec; `train ablate show DIR`
    run      plan (arms -> row pools, shared eval set, budgets), run every (arm, seed), resume
    mix      mixes ("writing=0.5,summary=0.5") and sampling rows to a token budget
    tokens   token and step counts as `train run` counts them, so budgets are equal
    report   results.json, report.md, plots and a verdict per metric
    search   RegMix-style search: Dirichlet mixes, a fitted loss ~ mix law, the predicted best
"""
