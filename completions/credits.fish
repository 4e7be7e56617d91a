# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_credits_global_optspecs
    string join \n json wide pricing-dir= db= user= h/help V/version
end

function __fish_credits_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_credits_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_credits_using_subcommand
    set -l cmd (__fish_credits_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c credits -n "__fish_credits_needs_command" -l pricing-dir -d 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]' -r -F
complete -c credits -n "__fish_credits_needs_command" -l db -d 'The generation log: a SQLite file, or a studio ledger\'s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir\'s credits.db] [env: CREDITS_DB]' -r -F
complete -c credits -n "__fish_credits_needs_command" -l user -d 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead' -r -f
complete -c credits -n "__fish_credits_needs_command" -l json -d 'Print JSON instead of a table (exact decimals as strings)'
complete -c credits -n "__fish_credits_needs_command" -l wide -d 'Show every column of a table, whatever the width (the lines may be longer than it)'
complete -c credits -n "__fish_credits_needs_command" -s h -l help -d 'Print help'
complete -c credits -n "__fish_credits_needs_command" -s V -l version -d 'Print version'
complete -c credits -n "__fish_credits_needs_command" -f -a "estimate" -d 'What a generation costs on one model: credits, plan, per clip, per second'
complete -c credits -n "__fish_credits_needs_command" -f -a "calc" -d 'Price per credit, per clip and per second from your own plan numbers (no table needed)'
complete -c credits -n "__fish_credits_needs_command" -f -a "compare" -d 'Rank every model that can make a "standard shot" by cost per second'
complete -c credits -n "__fish_credits_needs_command" -f -a "plans" -d 'Which plan (or plan and packs, or pay per use) is cheapest for a month\'s work'
complete -c credits -n "__fish_credits_needs_command" -f -a "pricing" -d 'List, show, validate, locate and update pricing tables'
complete -c credits -n "__fish_credits_needs_command" -f -a "log" -d 'Record a generation in the log'
complete -c credits -n "__fish_credits_needs_command" -f -a "scan" -d 'Log the clips and images you downloaded, read from the files themselves'
complete -c credits -n "__fish_credits_needs_command" -f -a "fail" -d 'Mark a logged generation as failed (charged, refund not yet seen)'
complete -c credits -n "__fish_credits_needs_command" -f -a "refund" -d 'Mark a failed generation as refunded (credits returned); implies failed'
complete -c credits -n "__fish_credits_needs_command" -f -a "edit" -d 'Change an entry\'s project, tags, note, kept flag or status'
complete -c credits -n "__fish_credits_needs_command" -f -a "rm" -d 'Delete an entry'
complete -c credits -n "__fish_credits_needs_command" -f -a "reprice" -d 'Price logged entries again from today\'s tables, account and balance'
complete -c credits -n "__fish_credits_needs_command" -f -a "history" -d 'List logged generations, newest first'
complete -c credits -n "__fish_credits_needs_command" -f -a "report" -d 'Clips, seconds, credits, refunds and money by project, platform, model, period or tag'
complete -c credits -n "__fish_credits_needs_command" -f -a "refunds" -d 'Failed generations with no refund yet: credits the platforms owe you'
complete -c credits -n "__fish_credits_needs_command" -f -a "export" -d 'Write the log as CSV or JSON'
complete -c credits -n "__fish_credits_needs_command" -f -a "import" -d 'Add entries from a CSV or JSON file (all or nothing; importing twice adds nothing)'
complete -c credits -n "__fish_credits_needs_command" -f -a "account" -d 'Which plan you are on, per platform, and since when (prices what you log)'
complete -c credits -n "__fish_credits_needs_command" -f -a "topup" -d 'Record credits you bought: a pack from the table, or credits at a price'
complete -c credits -n "__fish_credits_needs_command" -f -a "adjust" -d 'Correct a balance: signup bonus, daily reward, credits from support (or take some away)'
complete -c credits -n "__fish_credits_needs_command" -f -a "balance" -d 'Credits available per platform: by source, what expires next, what they buy'
complete -c credits -n "__fish_credits_needs_command" -f -a "budget" -d 'Spending limits per project, in money or credits'
complete -c credits -n "__fish_credits_needs_command" -f -a "db" -d 'The log\'s database: where it is and what it holds; copy a whole ledger between two'
complete -c credits -n "__fish_credits_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c credits -n "__fish_credits_needs_command" -f -a "man" -d 'Print the man page (roff) to stdout, or write every page into a folder'
complete -c credits -n "__fish_credits_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c credits -n "__fish_credits_using_subcommand estimate" -l duration -d 'Seconds of output per generation: 10, 2.5, 10s, 1m30s' -r -f
complete -c credits -n "__fish_credits_using_subcommand estimate" -l resolution -d 'Output resolution, e.g. 720p, 1080p, 4k, 1024x1024 (a bare 1080 is read as 1080p)' -r -f
complete -c credits -n "__fish_credits_using_subcommand estimate" -l refs -d 'Number of reference images' -r -f
complete -c credits -n "__fish_credits_using_subcommand estimate" -l mode -d 'Model mode or quality, e.g. standard, pro, low, high' -r -f
complete -c credits -n "__fish_credits_using_subcommand estimate" -l chars -d 'Characters of input (text to speech)' -r -f
complete -c credits -n "__fish_credits_using_subcommand estimate" -l count -d 'How many generations' -r -f
complete -c credits -n "__fish_credits_using_subcommand estimate" -l plan -d 'Price the credits with this plan (and say whether it allows the request)' -r -f
complete -c credits -n "__fish_credits_using_subcommand estimate" -l billing -d 'Monthly or annual billing of the plan [default: your account\'s, else monthly]' -r -f -a "monthly\t''
annual\t''"
complete -c credits -n "__fish_credits_using_subcommand estimate" -l price-per-credit -d 'Your own price per credit, overriding the plan\'s' -r -f
complete -c credits -n "__fish_credits_using_subcommand estimate" -l shots -d 'Price a whole shot list (TOML with [[shot]] tables) instead of one request' -r -F
complete -c credits -n "__fish_credits_using_subcommand estimate" -l project -d 'Project whose budgets to check (warns past 80% and over) [default: CREDITS_PROJECT, or `project` in the config file]' -r -f
complete -c credits -n "__fish_credits_using_subcommand estimate" -l pricing-dir -d 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]' -r -F
complete -c credits -n "__fish_credits_using_subcommand estimate" -l db -d 'The generation log: a SQLite file, or a studio ledger\'s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir\'s credits.db] [env: CREDITS_DB]' -r -F
complete -c credits -n "__fish_credits_using_subcommand estimate" -l user -d 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead' -r -f
complete -c credits -n "__fish_credits_using_subcommand estimate" -l audio -d 'Generate sound with the video'
complete -c credits -n "__fish_credits_using_subcommand estimate" -l upscale -d 'Upscale the output'
complete -c credits -n "__fish_credits_using_subcommand estimate" -l json -d 'Print JSON instead of a table (exact decimals as strings)'
complete -c credits -n "__fish_credits_using_subcommand estimate" -l wide -d 'Show every column of a table, whatever the width (the lines may be longer than it)'
complete -c credits -n "__fish_credits_using_subcommand estimate" -s h -l help -d 'Print help'
complete -c credits -n "__fish_credits_using_subcommand calc" -l plan-price -d 'What the plan or pack costs, e.g. 30' -r -f
complete -c credits -n "__fish_credits_using_subcommand calc" -l plan-credits -d 'Credits it includes, e.g. 3000' -r -f
complete -c credits -n "__fish_credits_using_subcommand calc" -l clip-credits -d 'Credits one clip uses, e.g. 50' -r -f
complete -c credits -n "__fish_credits_using_subcommand calc" -l seconds -d 'Seconds of video in the clip, for the cost per second: 10, 2.5, 10s, 1m30s' -r -f
complete -c credits -n "__fish_credits_using_subcommand calc" -l currency -d 'Currency of the plan price' -r -f
complete -c credits -n "__fish_credits_using_subcommand calc" -l pricing-dir -d 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]' -r -F
complete -c credits -n "__fish_credits_using_subcommand calc" -l db -d 'The generation log: a SQLite file, or a studio ledger\'s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir\'s credits.db] [env: CREDITS_DB]' -r -F
complete -c credits -n "__fish_credits_using_subcommand calc" -l user -d 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead' -r -f
complete -c credits -n "__fish_credits_using_subcommand calc" -l json -d 'Print JSON instead of a table (exact decimals as strings)'
complete -c credits -n "__fish_credits_using_subcommand calc" -l wide -d 'Show every column of a table, whatever the width (the lines may be longer than it)'
complete -c credits -n "__fish_credits_using_subcommand calc" -s h -l help -d 'Print help'
complete -c credits -n "__fish_credits_using_subcommand compare" -l duration -d 'Seconds of the standard shot: 10, 2.5, 10s, 1m30s' -r -f
complete -c credits -n "__fish_credits_using_subcommand compare" -l resolution -d 'Resolution of the standard shot (720p, 1080p, 4k; a bare 1080 is read as 1080p)' -r -f
complete -c credits -n "__fish_credits_using_subcommand compare" -l mode -d 'Model mode, where models have modes' -r -f
complete -c credits -n "__fish_credits_using_subcommand compare" -l kind -d 'What to compare' -r -f -a "video\t''
image\t''
audio\t''
text\t''
other\t''"
complete -c credits -n "__fish_credits_using_subcommand compare" -l platform -d 'Only these platforms (repeatable)' -r -f
complete -c credits -n "__fish_credits_using_subcommand compare" -l max-plan -d 'Only plans up to this one (by name on each platform; `free` means free tiers)' -r -f
complete -c credits -n "__fish_credits_using_subcommand compare" -l billing -d 'Monthly or annual billing of the plans' -r -f -a "monthly\t''
annual\t''"
complete -c credits -n "__fish_credits_using_subcommand compare" -l pricing-dir -d 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]' -r -F
complete -c credits -n "__fish_credits_using_subcommand compare" -l db -d 'The generation log: a SQLite file, or a studio ledger\'s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir\'s credits.db] [env: CREDITS_DB]' -r -F
complete -c credits -n "__fish_credits_using_subcommand compare" -l user -d 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead' -r -f
complete -c credits -n "__fish_credits_using_subcommand compare" -l audio -d 'The shot has sound'
complete -c credits -n "__fish_credits_using_subcommand compare" -l json -d 'Print JSON instead of a table (exact decimals as strings)'
complete -c credits -n "__fish_credits_using_subcommand compare" -l wide -d 'Show every column of a table, whatever the width (the lines may be longer than it)'
complete -c credits -n "__fish_credits_using_subcommand compare" -s h -l help -d 'Print help'
complete -c credits -n "__fish_credits_using_subcommand plans" -l usage -d 'A month\'s work, e.g. "40x gen-4 10s, 100x image" (repeatable; see below)' -r -f
complete -c credits -n "__fish_credits_using_subcommand plans" -l shots -d 'A shot list (as `estimate --shots`), made --times times a month' -r -F
complete -c credits -n "__fish_credits_using_subcommand plans" -l times -d 'How many times a month the shot list is made' -r -f
complete -c credits -n "__fish_credits_using_subcommand plans" -l since -d 'With --from-log: the window read (a date, or 30d / 8w ago), scaled to a month [default: 30d]' -r -f
complete -c credits -n "__fish_credits_using_subcommand plans" -l retries -d 'Extra generations per 100 kept outputs: retries, reruns, failures [default: the log\'s with --from-log, else 0]' -r -f
complete -c credits -n "__fish_credits_using_subcommand plans" -l platform -d 'Only these platforms (repeatable)' -r -f
complete -c credits -n "__fish_credits_using_subcommand plans" -l kind -d 'Only options bought this way' -r -f -a "plan\t'A subscription, with packs when its credits fall short'
packs\t'Credit packs with no subscription'
per-use\t'Money per generation (API platforms)'"
complete -c credits -n "__fish_credits_using_subcommand plans" -l billing -d 'Only plans billed this way (pay-per-use and packs are kept)' -r -f -a "monthly\t''
annual\t''"
complete -c credits -n "__fish_credits_using_subcommand plans" -l top -d 'Show the N cheapest options' -r -f
complete -c credits -n "__fish_credits_using_subcommand plans" -l pricing-dir -d 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]' -r -F
complete -c credits -n "__fish_credits_using_subcommand plans" -l db -d 'The generation log: a SQLite file, or a studio ledger\'s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir\'s credits.db] [env: CREDITS_DB]' -r -F
complete -c credits -n "__fish_credits_using_subcommand plans" -l user -d 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead' -r -f
complete -c credits -n "__fish_credits_using_subcommand plans" -l from-log -d 'What your log shows you made: kept outputs, and the retry rate it measures'
complete -c credits -n "__fish_credits_using_subcommand plans" -l any-model -d 'Let any model of the same kind make a named model\'s items (compare across platforms)'
complete -c credits -n "__fish_credits_using_subcommand plans" -l explain -d 'Show the working for the cheapest option (credits per item × count, prices, leftover)'
complete -c credits -n "__fish_credits_using_subcommand plans" -l json -d 'Print JSON instead of a table (exact decimals as strings)'
complete -c credits -n "__fish_credits_using_subcommand plans" -l wide -d 'Show every column of a table, whatever the width (the lines may be longer than it)'
complete -c credits -n "__fish_credits_using_subcommand plans" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c credits -n "__fish_credits_using_subcommand pricing; and not __fish_seen_subcommand_from list show validate dump dirs status update bundle help" -l pricing-dir -d 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]' -r -F
complete -c credits -n "__fish_credits_using_subcommand pricing; and not __fish_seen_subcommand_from list show validate dump dirs status update bundle help" -l db -d 'The generation log: a SQLite file, or a studio ledger\'s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir\'s credits.db] [env: CREDITS_DB]' -r -F
complete -c credits -n "__fish_credits_using_subcommand pricing; and not __fish_seen_subcommand_from list show validate dump dirs status update bundle help" -l user -d 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead' -r -f
complete -c credits -n "__fish_credits_using_subcommand pricing; and not __fish_seen_subcommand_from list show validate dump dirs status update bundle help" -l json -d 'Print JSON instead of a table (exact decimals as strings)'
complete -c credits -n "__fish_credits_using_subcommand pricing; and not __fish_seen_subcommand_from list show validate dump dirs status update bundle help" -l wide -d 'Show every column of a table, whatever the width (the lines may be longer than it)'
complete -c credits -n "__fish_credits_using_subcommand pricing; and not __fish_seen_subcommand_from list show validate dump dirs status update bundle help" -s h -l help -d 'Print help'
complete -c credits -n "__fish_credits_using_subcommand pricing; and not __fish_seen_subcommand_from list show validate dump dirs status update bundle help" -f -a "list" -d 'Every platform: as_of date, plans and models'
complete -c credits -n "__fish_credits_using_subcommand pricing; and not __fish_seen_subcommand_from list show validate dump dirs status update bundle help" -f -a "show" -d 'One platform: plans with price per credit, packs, models with rates and minimum plans'
complete -c credits -n "__fish_credits_using_subcommand pricing; and not __fish_seen_subcommand_from list show validate dump dirs status update bundle help" -f -a "validate" -d 'Check pricing files (or, with none, the shipped tables) and list every problem (exit 1 if any)'
complete -c credits -n "__fish_credits_using_subcommand pricing; and not __fish_seen_subcommand_from list show validate dump dirs status update bundle help" -f -a "dump" -d 'Print a table as a pricing file to start an override from (the shipped table; with --effective, as loaded with your files applied)'
complete -c credits -n "__fish_credits_using_subcommand pricing; and not __fish_seen_subcommand_from list show validate dump dirs status update bundle help" -f -a "dirs" -d 'Where tables are looked for, and which files were loaded'
complete -c credits -n "__fish_credits_using_subcommand pricing; and not __fish_seen_subcommand_from list show validate dump dirs status update bundle help" -f -a "status" -d 'Where each platform\'s table comes from (built-in, bundle, your file) and its date, and which models of your log have shut down since'
complete -c credits -n "__fish_credits_using_subcommand pricing; and not __fish_seen_subcommand_from list show validate dump dirs status update bundle help" -f -a "update" -d 'Install a pricing bundle from a file or URL after checking it, or remove it'
complete -c credits -n "__fish_credits_using_subcommand pricing; and not __fish_seen_subcommand_from list show validate dump dirs status update bundle help" -f -a "bundle" -d 'Make a pricing bundle (one dated file) of every *.toml table in DIR'
complete -c credits -n "__fish_credits_using_subcommand pricing; and not __fish_seen_subcommand_from list show validate dump dirs status update bundle help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from list" -l pricing-dir -d 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]' -r -F
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from list" -l db -d 'The generation log: a SQLite file, or a studio ledger\'s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir\'s credits.db] [env: CREDITS_DB]' -r -F
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from list" -l user -d 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead' -r -f
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from list" -l json -d 'Print JSON instead of a table (exact decimals as strings)'
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from list" -l wide -d 'Show every column of a table, whatever the width (the lines may be longer than it)'
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from show" -l pricing-dir -d 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]' -r -F
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from show" -l db -d 'The generation log: a SQLite file, or a studio ledger\'s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir\'s credits.db] [env: CREDITS_DB]' -r -F
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from show" -l user -d 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead' -r -f
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from show" -l json -d 'Print JSON instead of a table (exact decimals as strings)'
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from show" -l wide -d 'Show every column of a table, whatever the width (the lines may be longer than it)'
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from validate" -l pricing-dir -d 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]' -r -F
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from validate" -l db -d 'The generation log: a SQLite file, or a studio ledger\'s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir\'s credits.db] [env: CREDITS_DB]' -r -F
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from validate" -l user -d 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead' -r -f
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from validate" -l strict -d 'Also require sources, grades, dates and the sanity rules'
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from validate" -l json -d 'Print JSON instead of a table (exact decimals as strings)'
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from validate" -l wide -d 'Show every column of a table, whatever the width (the lines may be longer than it)'
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from validate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from dump" -l pricing-dir -d 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]' -r -F
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from dump" -l db -d 'The generation log: a SQLite file, or a studio ledger\'s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir\'s credits.db] [env: CREDITS_DB]' -r -F
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from dump" -l user -d 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead' -r -f
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from dump" -l effective -d 'The table as loaded, with your files\' patches applied'
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from dump" -l json -d 'Print JSON instead of a table (exact decimals as strings)'
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from dump" -l wide -d 'Show every column of a table, whatever the width (the lines may be longer than it)'
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from dump" -s h -l help -d 'Print help'
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from dirs" -l pricing-dir -d 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]' -r -F
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from dirs" -l db -d 'The generation log: a SQLite file, or a studio ledger\'s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir\'s credits.db] [env: CREDITS_DB]' -r -F
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from dirs" -l user -d 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead' -r -f
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from dirs" -l json -d 'Print JSON instead of a table (exact decimals as strings)'
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from dirs" -l wide -d 'Show every column of a table, whatever the width (the lines may be longer than it)'
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from dirs" -s h -l help -d 'Print help'
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from status" -l pricing-dir -d 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]' -r -F
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from status" -l db -d 'The generation log: a SQLite file, or a studio ledger\'s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir\'s credits.db] [env: CREDITS_DB]' -r -F
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from status" -l user -d 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead' -r -f
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from status" -l stale -d 'Instead: every table and model by the date of its newest source, oldest first (where a refresh of the prices starts)'
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from status" -l json -d 'Print JSON instead of a table (exact decimals as strings)'
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from status" -l wide -d 'Show every column of a table, whatever the width (the lines may be longer than it)'
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from update" -l from -d 'The bundle: a file, or an https:// URL (plain http:// only to 127.0.0.1, ::1 or localhost)' -r -F
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from update" -l pricing-dir -d 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]' -r -F
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from update" -l db -d 'The generation log: a SQLite file, or a studio ledger\'s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir\'s credits.db] [env: CREDITS_DB]' -r -F
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from update" -l user -d 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead' -r -f
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from update" -l force -d 'Install a bundle even if it is older than the built-in tables'
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from update" -l remove -d 'Remove the installed bundle: the built-in tables apply again'
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from update" -l json -d 'Print JSON instead of a table (exact decimals as strings)'
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from update" -l wide -d 'Show every column of a table, whatever the width (the lines may be longer than it)'
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help'
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from bundle" -s o -l output -d 'The bundle file to write' -r -F
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from bundle" -l pricing-dir -d 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]' -r -F
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from bundle" -l db -d 'The generation log: a SQLite file, or a studio ledger\'s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir\'s credits.db] [env: CREDITS_DB]' -r -F
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from bundle" -l user -d 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead' -r -f
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from bundle" -l json -d 'Print JSON instead of a table (exact decimals as strings)'
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from bundle" -l wide -d 'Show every column of a table, whatever the width (the lines may be longer than it)'
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from bundle" -s h -l help -d 'Print help'
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from help" -f -a "list" -d 'Every platform: as_of date, plans and models'
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from help" -f -a "show" -d 'One platform: plans with price per credit, packs, models with rates and minimum plans'
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from help" -f -a "validate" -d 'Check pricing files (or, with none, the shipped tables) and list every problem (exit 1 if any)'
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from help" -f -a "dump" -d 'Print a table as a pricing file to start an override from (the shipped table; with --effective, as loaded with your files applied)'
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from help" -f -a "dirs" -d 'Where tables are looked for, and which files were loaded'
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from help" -f -a "status" -d 'Where each platform\'s table comes from (built-in, bundle, your file) and its date, and which models of your log have shut down since'
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from help" -f -a "update" -d 'Install a pricing bundle from a file or URL after checking it, or remove it'
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from help" -f -a "bundle" -d 'Make a pricing bundle (one dated file) of every *.toml table in DIR'
complete -c credits -n "__fish_credits_using_subcommand pricing; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c credits -n "__fish_credits_using_subcommand log" -l duration -d 'Seconds of output per generation: 10, 2.5, 10s, 1m30s' -r -f
complete -c credits -n "__fish_credits_using_subcommand log" -l resolution -d 'Output resolution, e.g. 720p, 1080p, 4k, 1024x1024 (a bare 1080 is read as 1080p)' -r -f
complete -c credits -n "__fish_credits_using_subcommand log" -l refs -d 'Number of reference images' -r -f
complete -c credits -n "__fish_credits_using_subcommand log" -l mode -d 'Model mode or quality, e.g. standard, pro, low, high' -r -f
complete -c credits -n "__fish_credits_using_subcommand log" -l chars -d 'Characters of input (text to speech)' -r -f
complete -c credits -n "__fish_credits_using_subcommand log" -l count -d 'How many generations' -r -f
complete -c credits -n "__fish_credits_using_subcommand log" -l project -d 'Project [default: CREDITS_PROJECT, or `project` in config.toml in your config folder: $XDG_CONFIG_HOME/credits, else ~/.config/credits on Linux]' -r -f
complete -c credits -n "__fish_credits_using_subcommand log" -l tag -d 'A tag, e.g. client=acme (repeatable)' -r -f
complete -c credits -n "__fish_credits_using_subcommand log" -l credits -d 'Credits the platform actually charged (overrides the table; logs unknown models)' -r -f
complete -c credits -n "__fish_credits_using_subcommand log" -l at -d 'When it ran (2026-11-21 15:00, RFC 3339, a date, yesterday, 3d) [default: now]' -r -f
complete -c credits -n "__fish_credits_using_subcommand log" -l note -d 'A note' -r -f
complete -c credits -n "__fish_credits_using_subcommand log" -l plan -d 'Price the money with this plan instead of your account\'s' -r -f
complete -c credits -n "__fish_credits_using_subcommand log" -l price-per-credit -d 'Your own price per credit for this entry' -r -f
complete -c credits -n "__fish_credits_using_subcommand log" -l pricing-dir -d 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]' -r -F
complete -c credits -n "__fish_credits_using_subcommand log" -l db -d 'The generation log: a SQLite file, or a studio ledger\'s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir\'s credits.db] [env: CREDITS_DB]' -r -F
complete -c credits -n "__fish_credits_using_subcommand log" -l user -d 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead' -r -f
complete -c credits -n "__fish_credits_using_subcommand log" -l audio -d 'Generate sound with the video'
complete -c credits -n "__fish_credits_using_subcommand log" -l upscale -d 'Upscale the output'
complete -c credits -n "__fish_credits_using_subcommand log" -l failed -d 'The generation failed (charged, refund not yet seen)'
complete -c credits -n "__fish_credits_using_subcommand log" -l discarded -d 'The output was not used (a rerun or discarded variation)'
complete -c credits -n "__fish_credits_using_subcommand log" -l strict-budget -d 'Refuse the entry (exit 3) if it takes its project over a budget [default: `strict_budget` in the config file]'
complete -c credits -n "__fish_credits_using_subcommand log" -l force -l allow-future -d 'Accept an --at more than a day in the future'
complete -c credits -n "__fish_credits_using_subcommand log" -l json -d 'Print JSON instead of a table (exact decimals as strings)'
complete -c credits -n "__fish_credits_using_subcommand log" -l wide -d 'Show every column of a table, whatever the width (the lines may be longer than it)'
complete -c credits -n "__fish_credits_using_subcommand log" -s h -l help -d 'Print help'
complete -c credits -n "__fish_credits_using_subcommand scan" -l platform -d 'The platform of every file (else: the file\'s C2PA manifest, its name, then `[scan]` in the config file)' -r -f
complete -c credits -n "__fish_credits_using_subcommand scan" -l model -d 'The model of every file (else: the file\'s C2PA manifest, its name, then `[scan]` in the config file)' -r -f
complete -c credits -n "__fish_credits_using_subcommand scan" -l project -d 'Project [default: the `[scan]` folder\'s `project`, else the mapped folder\'s name, else the name of the folder holding the file]' -r -f
complete -c credits -n "__fish_credits_using_subcommand scan" -l tag -d 'A tag for every entry, e.g. client=acme (repeatable)' -r -f
complete -c credits -n "__fish_credits_using_subcommand scan" -l mode -d 'Model mode or quality of every file, e.g. standard, pro [default: the `[scan]` folder\'s `mode`, else the cheapest, and said]' -r -f
complete -c credits -n "__fish_credits_using_subcommand scan" -l pricing-dir -d 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]' -r -F
complete -c credits -n "__fish_credits_using_subcommand scan" -l db -d 'The generation log: a SQLite file, or a studio ledger\'s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir\'s credits.db] [env: CREDITS_DB]' -r -F
complete -c credits -n "__fish_credits_using_subcommand scan" -l user -d 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead' -r -f
complete -c credits -n "__fish_credits_using_subcommand scan" -l dry-run -d 'List what would be logged, and why, without writing anything'
complete -c credits -n "__fish_credits_using_subcommand scan" -l no-audio-price -d 'Log a clip with a sound track at its model\'s price without audio when the table has no price for audio (the sound was added later), saying so in the entry\'s note [default: the `[scan]` folder\'s `no_audio_price`]'
complete -c credits -n "__fish_credits_using_subcommand scan" -l watch -d 'Keep running: log each new file once it has finished downloading, until interrupted'
complete -c credits -n "__fish_credits_using_subcommand scan" -l json -d 'Print JSON instead of a table (exact decimals as strings)'
complete -c credits -n "__fish_credits_using_subcommand scan" -l wide -d 'Show every column of a table, whatever the width (the lines may be longer than it)'
complete -c credits -n "__fish_credits_using_subcommand scan" -s h -l help -d 'Print help'
complete -c credits -n "__fish_credits_using_subcommand fail" -l pricing-dir -d 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]' -r -F
complete -c credits -n "__fish_credits_using_subcommand fail" -l db -d 'The generation log: a SQLite file, or a studio ledger\'s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir\'s credits.db] [env: CREDITS_DB]' -r -F
complete -c credits -n "__fish_credits_using_subcommand fail" -l user -d 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead' -r -f
complete -c credits -n "__fish_credits_using_subcommand fail" -l force -d 'Also when the entry was refunded (undoes the refund)'
complete -c credits -n "__fish_credits_using_subcommand fail" -l json -d 'Print JSON instead of a table (exact decimals as strings)'
complete -c credits -n "__fish_credits_using_subcommand fail" -l wide -d 'Show every column of a table, whatever the width (the lines may be longer than it)'
complete -c credits -n "__fish_credits_using_subcommand fail" -s h -l help -d 'Print help'
complete -c credits -n "__fish_credits_using_subcommand refund" -l at -d 'When the credits came back (2026-11-21 15:00, RFC 3339, a date, yesterday, 3d) [default: now]' -r -f
complete -c credits -n "__fish_credits_using_subcommand refund" -l pricing-dir -d 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]' -r -F
complete -c credits -n "__fish_credits_using_subcommand refund" -l db -d 'The generation log: a SQLite file, or a studio ledger\'s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir\'s credits.db] [env: CREDITS_DB]' -r -F
complete -c credits -n "__fish_credits_using_subcommand refund" -l user -d 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead' -r -f
complete -c credits -n "__fish_credits_using_subcommand refund" -l force -d 'Also refund an entry marked ok (it succeeded), and accept an --at more than a day in the future'
complete -c credits -n "__fish_credits_using_subcommand refund" -l allow-future -d 'Accept an --at more than a day in the future'
complete -c credits -n "__fish_credits_using_subcommand refund" -l json -d 'Print JSON instead of a table (exact decimals as strings)'
complete -c credits -n "__fish_credits_using_subcommand refund" -l wide -d 'Show every column of a table, whatever the width (the lines may be longer than it)'
complete -c credits -n "__fish_credits_using_subcommand refund" -s h -l help -d 'Print help'
complete -c credits -n "__fish_credits_using_subcommand edit" -l project -d 'New project (empty string clears it)' -r -f
complete -c credits -n "__fish_credits_using_subcommand edit" -l tag -d 'Set a tag K=V (repeatable)' -r -f
complete -c credits -n "__fish_credits_using_subcommand edit" -l untag -d 'Remove a tag by key (repeatable)' -r -f
complete -c credits -n "__fish_credits_using_subcommand edit" -l note -d 'New note (empty string clears it)' -r -f
complete -c credits -n "__fish_credits_using_subcommand edit" -l status -d 'Set the status: ok, failed or refunded (undoes a wrong `fail` or `refund`)' -r -f -a "ok\t''
failed\t''
refunded\t''"
complete -c credits -n "__fish_credits_using_subcommand edit" -l at -d 'With --status refunded: when the credits came back (a time, date or 3d) [default: now]' -r -f
complete -c credits -n "__fish_credits_using_subcommand edit" -l pricing-dir -d 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]' -r -F
complete -c credits -n "__fish_credits_using_subcommand edit" -l db -d 'The generation log: a SQLite file, or a studio ledger\'s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir\'s credits.db] [env: CREDITS_DB]' -r -F
complete -c credits -n "__fish_credits_using_subcommand edit" -l user -d 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead' -r -f
complete -c credits -n "__fish_credits_using_subcommand edit" -l kept -d 'Mark the output as used'
complete -c credits -n "__fish_credits_using_subcommand edit" -l discarded -d 'Mark the output as not used'
complete -c credits -n "__fish_credits_using_subcommand edit" -l force -l allow-future -d 'Accept an --at more than a day in the future'
complete -c credits -n "__fish_credits_using_subcommand edit" -l json -d 'Print JSON instead of a table (exact decimals as strings)'
complete -c credits -n "__fish_credits_using_subcommand edit" -l wide -d 'Show every column of a table, whatever the width (the lines may be longer than it)'
complete -c credits -n "__fish_credits_using_subcommand edit" -s h -l help -d 'Print help'
complete -c credits -n "__fish_credits_using_subcommand rm" -l pricing-dir -d 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]' -r -F
complete -c credits -n "__fish_credits_using_subcommand rm" -l db -d 'The generation log: a SQLite file, or a studio ledger\'s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir\'s credits.db] [env: CREDITS_DB]' -r -F
complete -c credits -n "__fish_credits_using_subcommand rm" -l user -d 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead' -r -f
complete -c credits -n "__fish_credits_using_subcommand rm" -l json -d 'Print JSON instead of a table (exact decimals as strings)'
complete -c credits -n "__fish_credits_using_subcommand rm" -l wide -d 'Show every column of a table, whatever the width (the lines may be longer than it)'
complete -c credits -n "__fish_credits_using_subcommand rm" -s h -l help -d 'Print help'
complete -c credits -n "__fish_credits_using_subcommand reprice" -l project -d 'Only this project' -r -f
complete -c credits -n "__fish_credits_using_subcommand reprice" -l platform -d 'Only this platform' -r -f
complete -c credits -n "__fish_credits_using_subcommand reprice" -l model -d 'Only this model' -r -f
complete -c credits -n "__fish_credits_using_subcommand reprice" -l tag -d 'Only entries with this tag (K=V, repeatable: all must match)' -r -f
complete -c credits -n "__fish_credits_using_subcommand reprice" -l status -d 'Only this status' -r -f -a "ok\t''
failed\t''
refunded\t''"
complete -c credits -n "__fish_credits_using_subcommand reprice" -l since -d 'From this date or time (2026-11-21, 2026-11-21 15:00, RFC 3339, today, yesterday, or 7d / 2w / 3m ago)' -r -f
complete -c credits -n "__fish_credits_using_subcommand reprice" -l until -d 'Up to this date or time (the same forms; a date includes its whole day)' -r -f
complete -c credits -n "__fish_credits_using_subcommand reprice" -l user -d 'Only entries logged by this user (the global --user, as a filter here)' -r -f
complete -c credits -n "__fish_credits_using_subcommand reprice" -l pricing-dir -d 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]' -r -F
complete -c credits -n "__fish_credits_using_subcommand reprice" -l db -d 'The generation log: a SQLite file, or a studio ledger\'s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir\'s credits.db] [env: CREDITS_DB]' -r -F
complete -c credits -n "__fish_credits_using_subcommand reprice" -l dry-run -d 'Show what would change without writing'
complete -c credits -n "__fish_credits_using_subcommand reprice" -l json -d 'Print JSON instead of a table (exact decimals as strings)'
complete -c credits -n "__fish_credits_using_subcommand reprice" -l wide -d 'Show every column of a table, whatever the width (the lines may be longer than it)'
complete -c credits -n "__fish_credits_using_subcommand reprice" -s h -l help -d 'Print help'
complete -c credits -n "__fish_credits_using_subcommand history" -l project -d 'Only this project' -r -f
complete -c credits -n "__fish_credits_using_subcommand history" -l platform -d 'Only this platform' -r -f
complete -c credits -n "__fish_credits_using_subcommand history" -l model -d 'Only this model' -r -f
complete -c credits -n "__fish_credits_using_subcommand history" -l tag -d 'Only entries with this tag (K=V, repeatable: all must match)' -r -f
complete -c credits -n "__fish_credits_using_subcommand history" -l status -d 'Only this status' -r -f -a "ok\t''
failed\t''
refunded\t''"
complete -c credits -n "__fish_credits_using_subcommand history" -l since -d 'From this date or time (2026-11-21, 2026-11-21 15:00, RFC 3339, today, yesterday, or 7d / 2w / 3m ago)' -r -f
complete -c credits -n "__fish_credits_using_subcommand history" -l until -d 'Up to this date or time (the same forms; a date includes its whole day)' -r -f
complete -c credits -n "__fish_credits_using_subcommand history" -l user -d 'Only entries logged by this user (the global --user, as a filter here)' -r -f
complete -c credits -n "__fish_credits_using_subcommand history" -l limit -d 'At most N entries' -r -f
complete -c credits -n "__fish_credits_using_subcommand history" -l pricing-dir -d 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]' -r -F
complete -c credits -n "__fish_credits_using_subcommand history" -l db -d 'The generation log: a SQLite file, or a studio ledger\'s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir\'s credits.db] [env: CREDITS_DB]' -r -F
complete -c credits -n "__fish_credits_using_subcommand history" -l csv -d 'CSV instead of a table'
complete -c credits -n "__fish_credits_using_subcommand history" -l json -d 'Print JSON instead of a table (exact decimals as strings)'
complete -c credits -n "__fish_credits_using_subcommand history" -l wide -d 'Show every column of a table, whatever the width (the lines may be longer than it)'
complete -c credits -n "__fish_credits_using_subcommand history" -s h -l help -d 'Print help'
complete -c credits -n "__fish_credits_using_subcommand report" -l by -d 'Group by project, platform, model, day, week, month, user or tag:KEY (repeatable, in order)' -r -f -a "project\t''
platform\t''
model\t''
day\t''
week\t''
month\t''
user\t''
tag:\t''"
complete -c credits -n "__fish_credits_using_subcommand report" -l project -d 'Only this project' -r -f
complete -c credits -n "__fish_credits_using_subcommand report" -l platform -d 'Only this platform' -r -f
complete -c credits -n "__fish_credits_using_subcommand report" -l model -d 'Only this model' -r -f
complete -c credits -n "__fish_credits_using_subcommand report" -l tag -d 'Only entries with this tag (K=V, repeatable: all must match)' -r -f
complete -c credits -n "__fish_credits_using_subcommand report" -l status -d 'Only this status' -r -f -a "ok\t''
failed\t''
refunded\t''"
complete -c credits -n "__fish_credits_using_subcommand report" -l since -d 'From this date or time (2026-11-21, 2026-11-21 15:00, RFC 3339, today, yesterday, or 7d / 2w / 3m ago)' -r -f
complete -c credits -n "__fish_credits_using_subcommand report" -l until -d 'Up to this date or time (the same forms; a date includes its whole day)' -r -f
complete -c credits -n "__fish_credits_using_subcommand report" -l user -d 'Only entries logged by this user (the global --user, as a filter here)' -r -f
complete -c credits -n "__fish_credits_using_subcommand report" -l pricing-dir -d 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]' -r -F
complete -c credits -n "__fish_credits_using_subcommand report" -l db -d 'The generation log: a SQLite file, or a studio ledger\'s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir\'s credits.db] [env: CREDITS_DB]' -r -F
complete -c credits -n "__fish_credits_using_subcommand report" -l csv -d 'CSV instead of a table: one record per row, no total (a pivot table would count it twice)'
complete -c credits -n "__fish_credits_using_subcommand report" -l total -d 'With --csv: end with a TOTAL record'
complete -c credits -n "__fish_credits_using_subcommand report" -l json -d 'Print JSON instead of a table (exact decimals as strings)'
complete -c credits -n "__fish_credits_using_subcommand report" -l wide -d 'Show every column of a table, whatever the width (the lines may be longer than it)'
complete -c credits -n "__fish_credits_using_subcommand report" -s h -l help -d 'Print help'
complete -c credits -n "__fish_credits_using_subcommand refunds" -l pricing-dir -d 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]' -r -F
complete -c credits -n "__fish_credits_using_subcommand refunds" -l db -d 'The generation log: a SQLite file, or a studio ledger\'s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir\'s credits.db] [env: CREDITS_DB]' -r -F
complete -c credits -n "__fish_credits_using_subcommand refunds" -l user -d 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead' -r -f
complete -c credits -n "__fish_credits_using_subcommand refunds" -l json -d 'Print JSON instead of a table (exact decimals as strings)'
complete -c credits -n "__fish_credits_using_subcommand refunds" -l wide -d 'Show every column of a table, whatever the width (the lines may be longer than it)'
complete -c credits -n "__fish_credits_using_subcommand refunds" -s h -l help -d 'Print help'
complete -c credits -n "__fish_credits_using_subcommand export" -l format -d 'Output format' -r -f -a "csv\t''
json\t''"
complete -c credits -n "__fish_credits_using_subcommand export" -s o -l output -d 'Write to FILE instead of stdout' -r -F
complete -c credits -n "__fish_credits_using_subcommand export" -l project -d 'Only this project' -r -f
complete -c credits -n "__fish_credits_using_subcommand export" -l platform -d 'Only this platform' -r -f
complete -c credits -n "__fish_credits_using_subcommand export" -l model -d 'Only this model' -r -f
complete -c credits -n "__fish_credits_using_subcommand export" -l tag -d 'Only entries with this tag (K=V, repeatable: all must match)' -r -f
complete -c credits -n "__fish_credits_using_subcommand export" -l status -d 'Only this status' -r -f -a "ok\t''
failed\t''
refunded\t''"
complete -c credits -n "__fish_credits_using_subcommand export" -l since -d 'From this date or time (2026-11-21, 2026-11-21 15:00, RFC 3339, today, yesterday, or 7d / 2w / 3m ago)' -r -f
complete -c credits -n "__fish_credits_using_subcommand export" -l until -d 'Up to this date or time (the same forms; a date includes its whole day)' -r -f
complete -c credits -n "__fish_credits_using_subcommand export" -l user -d 'Only entries logged by this user (the global --user, as a filter here)' -r -f
complete -c credits -n "__fish_credits_using_subcommand export" -l pricing-dir -d 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]' -r -F
complete -c credits -n "__fish_credits_using_subcommand export" -l db -d 'The generation log: a SQLite file, or a studio ledger\'s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir\'s credits.db] [env: CREDITS_DB]' -r -F
complete -c credits -n "__fish_credits_using_subcommand export" -l json -d 'Print JSON instead of a table (exact decimals as strings)'
complete -c credits -n "__fish_credits_using_subcommand export" -l wide -d 'Show every column of a table, whatever the width (the lines may be longer than it)'
complete -c credits -n "__fish_credits_using_subcommand export" -s h -l help -d 'Print help'
complete -c credits -n "__fish_credits_using_subcommand import" -l pricing-dir -d 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]' -r -F
complete -c credits -n "__fish_credits_using_subcommand import" -l db -d 'The generation log: a SQLite file, or a studio ledger\'s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir\'s credits.db] [env: CREDITS_DB]' -r -F
complete -c credits -n "__fish_credits_using_subcommand import" -l user -d 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead' -r -f
complete -c credits -n "__fish_credits_using_subcommand import" -l json -d 'Print JSON instead of a table (exact decimals as strings)'
complete -c credits -n "__fish_credits_using_subcommand import" -l wide -d 'Show every column of a table, whatever the width (the lines may be longer than it)'
complete -c credits -n "__fish_credits_using_subcommand import" -s h -l help -d 'Print help'
complete -c credits -n "__fish_credits_using_subcommand account; and not __fish_seen_subcommand_from set list rm help" -l pricing-dir -d 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]' -r -F
complete -c credits -n "__fish_credits_using_subcommand account; and not __fish_seen_subcommand_from set list rm help" -l db -d 'The generation log: a SQLite file, or a studio ledger\'s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir\'s credits.db] [env: CREDITS_DB]' -r -F
complete -c credits -n "__fish_credits_using_subcommand account; and not __fish_seen_subcommand_from set list rm help" -l user -d 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead' -r -f
complete -c credits -n "__fish_credits_using_subcommand account; and not __fish_seen_subcommand_from set list rm help" -l json -d 'Print JSON instead of a table (exact decimals as strings)'
complete -c credits -n "__fish_credits_using_subcommand account; and not __fish_seen_subcommand_from set list rm help" -l wide -d 'Show every column of a table, whatever the width (the lines may be longer than it)'
complete -c credits -n "__fish_credits_using_subcommand account; and not __fish_seen_subcommand_from set list rm help" -s h -l help -d 'Print help'
complete -c credits -n "__fish_credits_using_subcommand account; and not __fish_seen_subcommand_from set list rm help" -f -a "set" -d 'Record the plan you are on for a platform'
complete -c credits -n "__fish_credits_using_subcommand account; and not __fish_seen_subcommand_from set list rm help" -f -a "list" -d 'The plans you are on, with their history'
complete -c credits -n "__fish_credits_using_subcommand account; and not __fish_seen_subcommand_from set list rm help" -f -a "rm" -d 'Remove a plan change recorded by mistake (the platform and its date, as `account list` shows them); the plan before it runs on'
complete -c credits -n "__fish_credits_using_subcommand account; and not __fish_seen_subcommand_from set list rm help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c credits -n "__fish_credits_using_subcommand account; and __fish_seen_subcommand_from set" -l plan -d 'Plan id or name' -r -f
complete -c credits -n "__fish_credits_using_subcommand account; and __fish_seen_subcommand_from set" -l billing -d 'Monthly or annual billing' -r -f -a "monthly\t''
annual\t''"
complete -c credits -n "__fish_credits_using_subcommand account; and __fish_seen_subcommand_from set" -l since -d 'The date the plan starts (or the change takes effect): 2026-11-01, today, yesterday, 3d [default: today]' -r -f
complete -c credits -n "__fish_credits_using_subcommand account; and __fish_seen_subcommand_from set" -l renews-on -d 'Day of the month the plan renews (1-31) [default: the day of --since]' -r -f
complete -c credits -n "__fish_credits_using_subcommand account; and __fish_seen_subcommand_from set" -l price -d 'What you really pay per billing period (a month, or a year with --billing annual), in the platform\'s currency, when it is not the table\'s list price (a discount, taxes, a regional price) or the table does not give one' -r -f
complete -c credits -n "__fish_credits_using_subcommand account; and __fish_seen_subcommand_from set" -l credits -d 'Credits the plan gives each grant period, when the table does not say (or says otherwise)' -r -f
complete -c credits -n "__fish_credits_using_subcommand account; and __fish_seen_subcommand_from set" -l pricing-dir -d 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]' -r -F
complete -c credits -n "__fish_credits_using_subcommand account; and __fish_seen_subcommand_from set" -l db -d 'The generation log: a SQLite file, or a studio ledger\'s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir\'s credits.db] [env: CREDITS_DB]' -r -F
complete -c credits -n "__fish_credits_using_subcommand account; and __fish_seen_subcommand_from set" -l user -d 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead' -r -f
complete -c credits -n "__fish_credits_using_subcommand account; and __fish_seen_subcommand_from set" -l json -d 'Print JSON instead of a table (exact decimals as strings)'
complete -c credits -n "__fish_credits_using_subcommand account; and __fish_seen_subcommand_from set" -l wide -d 'Show every column of a table, whatever the width (the lines may be longer than it)'
complete -c credits -n "__fish_credits_using_subcommand account; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help'
complete -c credits -n "__fish_credits_using_subcommand account; and __fish_seen_subcommand_from list" -l pricing-dir -d 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]' -r -F
complete -c credits -n "__fish_credits_using_subcommand account; and __fish_seen_subcommand_from list" -l db -d 'The generation log: a SQLite file, or a studio ledger\'s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir\'s credits.db] [env: CREDITS_DB]' -r -F
complete -c credits -n "__fish_credits_using_subcommand account; and __fish_seen_subcommand_from list" -l user -d 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead' -r -f
complete -c credits -n "__fish_credits_using_subcommand account; and __fish_seen_subcommand_from list" -l json -d 'Print JSON instead of a table (exact decimals as strings)'
complete -c credits -n "__fish_credits_using_subcommand account; and __fish_seen_subcommand_from list" -l wide -d 'Show every column of a table, whatever the width (the lines may be longer than it)'
complete -c credits -n "__fish_credits_using_subcommand account; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c credits -n "__fish_credits_using_subcommand account; and __fish_seen_subcommand_from rm" -l pricing-dir -d 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]' -r -F
complete -c credits -n "__fish_credits_using_subcommand account; and __fish_seen_subcommand_from rm" -l db -d 'The generation log: a SQLite file, or a studio ledger\'s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir\'s credits.db] [env: CREDITS_DB]' -r -F
complete -c credits -n "__fish_credits_using_subcommand account; and __fish_seen_subcommand_from rm" -l user -d 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead' -r -f
complete -c credits -n "__fish_credits_using_subcommand account; and __fish_seen_subcommand_from rm" -l force -d 'Also when generations were already paid from its credits (the balance goes below zero)'
complete -c credits -n "__fish_credits_using_subcommand account; and __fish_seen_subcommand_from rm" -l json -d 'Print JSON instead of a table (exact decimals as strings)'
complete -c credits -n "__fish_credits_using_subcommand account; and __fish_seen_subcommand_from rm" -l wide -d 'Show every column of a table, whatever the width (the lines may be longer than it)'
complete -c credits -n "__fish_credits_using_subcommand account; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c credits -n "__fish_credits_using_subcommand account; and __fish_seen_subcommand_from help" -f -a "set" -d 'Record the plan you are on for a platform'
complete -c credits -n "__fish_credits_using_subcommand account; and __fish_seen_subcommand_from help" -f -a "list" -d 'The plans you are on, with their history'
complete -c credits -n "__fish_credits_using_subcommand account; and __fish_seen_subcommand_from help" -f -a "rm" -d 'Remove a plan change recorded by mistake (the platform and its date, as `account list` shows them); the plan before it runs on'
complete -c credits -n "__fish_credits_using_subcommand account; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c credits -n "__fish_credits_using_subcommand topup; and not __fish_seen_subcommand_from list rm help" -l pack -d 'A pack from the platform\'s table (`credits pricing show PLATFORM` lists them)' -r -f
complete -c credits -n "__fish_credits_using_subcommand topup; and not __fish_seen_subcommand_from list rm help" -l credits -d 'Credits bought, when the purchase is not a pack in the table (needs --price)' -r -f
complete -c credits -n "__fish_credits_using_subcommand topup; and not __fish_seen_subcommand_from list rm help" -l price -d 'What you paid for --credits, in the platform\'s currency' -r -f
complete -c credits -n "__fish_credits_using_subcommand topup; and not __fish_seen_subcommand_from list rm help" -l expires-in -d 'Days until --credits expire [default: the table\'s packs\' expiry, when they agree]' -r -f
complete -c credits -n "__fish_credits_using_subcommand topup; and not __fish_seen_subcommand_from list rm help" -l at -d 'When you bought them (2026-11-21 15:00, RFC 3339, a date, yesterday, 3d) [default: now]' -r -f
complete -c credits -n "__fish_credits_using_subcommand topup; and not __fish_seen_subcommand_from list rm help" -l pricing-dir -d 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]' -r -F
complete -c credits -n "__fish_credits_using_subcommand topup; and not __fish_seen_subcommand_from list rm help" -l db -d 'The generation log: a SQLite file, or a studio ledger\'s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir\'s credits.db] [env: CREDITS_DB]' -r -F
complete -c credits -n "__fish_credits_using_subcommand topup; and not __fish_seen_subcommand_from list rm help" -l user -d 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead' -r -f
complete -c credits -n "__fish_credits_using_subcommand topup; and not __fish_seen_subcommand_from list rm help" -l never-expires -d '--credits never expire'
complete -c credits -n "__fish_credits_using_subcommand topup; and not __fish_seen_subcommand_from list rm help" -l force -l allow-future -d 'Accept an --at more than a day in the future'
complete -c credits -n "__fish_credits_using_subcommand topup; and not __fish_seen_subcommand_from list rm help" -l json -d 'Print JSON instead of a table (exact decimals as strings)'
complete -c credits -n "__fish_credits_using_subcommand topup; and not __fish_seen_subcommand_from list rm help" -l wide -d 'Show every column of a table, whatever the width (the lines may be longer than it)'
complete -c credits -n "__fish_credits_using_subcommand topup; and not __fish_seen_subcommand_from list rm help" -s h -l help -d 'Print help'
complete -c credits -n "__fish_credits_using_subcommand topup; and not __fish_seen_subcommand_from list rm help" -a "list" -d 'The top-ups recorded, with their ids and the credits left of each'
complete -c credits -n "__fish_credits_using_subcommand topup; and not __fish_seen_subcommand_from list rm help" -a "rm" -d 'Remove a top-up recorded by mistake (e.g. twice); the balance is replayed without it'
complete -c credits -n "__fish_credits_using_subcommand topup; and not __fish_seen_subcommand_from list rm help" -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c credits -n "__fish_credits_using_subcommand topup; and __fish_seen_subcommand_from list" -l pricing-dir -d 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]' -r -F
complete -c credits -n "__fish_credits_using_subcommand topup; and __fish_seen_subcommand_from list" -l db -d 'The generation log: a SQLite file, or a studio ledger\'s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir\'s credits.db] [env: CREDITS_DB]' -r -F
complete -c credits -n "__fish_credits_using_subcommand topup; and __fish_seen_subcommand_from list" -l user -d 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead' -r -f
complete -c credits -n "__fish_credits_using_subcommand topup; and __fish_seen_subcommand_from list" -l json -d 'Print JSON instead of a table (exact decimals as strings)'
complete -c credits -n "__fish_credits_using_subcommand topup; and __fish_seen_subcommand_from list" -l wide -d 'Show every column of a table, whatever the width (the lines may be longer than it)'
complete -c credits -n "__fish_credits_using_subcommand topup; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c credits -n "__fish_credits_using_subcommand topup; and __fish_seen_subcommand_from rm" -l pricing-dir -d 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]' -r -F
complete -c credits -n "__fish_credits_using_subcommand topup; and __fish_seen_subcommand_from rm" -l db -d 'The generation log: a SQLite file, or a studio ledger\'s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir\'s credits.db] [env: CREDITS_DB]' -r -F
complete -c credits -n "__fish_credits_using_subcommand topup; and __fish_seen_subcommand_from rm" -l user -d 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead' -r -f
complete -c credits -n "__fish_credits_using_subcommand topup; and __fish_seen_subcommand_from rm" -l force -d 'Also when generations were already paid from its credits (the balance goes below zero)'
complete -c credits -n "__fish_credits_using_subcommand topup; and __fish_seen_subcommand_from rm" -l json -d 'Print JSON instead of a table (exact decimals as strings)'
complete -c credits -n "__fish_credits_using_subcommand topup; and __fish_seen_subcommand_from rm" -l wide -d 'Show every column of a table, whatever the width (the lines may be longer than it)'
complete -c credits -n "__fish_credits_using_subcommand topup; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c credits -n "__fish_credits_using_subcommand topup; and __fish_seen_subcommand_from help" -f -a "list" -d 'The top-ups recorded, with their ids and the credits left of each'
complete -c credits -n "__fish_credits_using_subcommand topup; and __fish_seen_subcommand_from help" -f -a "rm" -d 'Remove a top-up recorded by mistake (e.g. twice); the balance is replayed without it'
complete -c credits -n "__fish_credits_using_subcommand topup; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c credits -n "__fish_credits_using_subcommand adjust; and not __fish_seen_subcommand_from list rm help" -l note -d 'Why, e.g. "signup bonus", "daily reward", "support refund"' -r -f
complete -c credits -n "__fish_credits_using_subcommand adjust; and not __fish_seen_subcommand_from list rm help" -l at -d 'When (2026-11-21 15:00, RFC 3339, a date, yesterday, 3d) [default: now]' -r -f
complete -c credits -n "__fish_credits_using_subcommand adjust; and not __fish_seen_subcommand_from list rm help" -l pricing-dir -d 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]' -r -F
complete -c credits -n "__fish_credits_using_subcommand adjust; and not __fish_seen_subcommand_from list rm help" -l db -d 'The generation log: a SQLite file, or a studio ledger\'s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir\'s credits.db] [env: CREDITS_DB]' -r -F
complete -c credits -n "__fish_credits_using_subcommand adjust; and not __fish_seen_subcommand_from list rm help" -l user -d 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead' -r -f
complete -c credits -n "__fish_credits_using_subcommand adjust; and not __fish_seen_subcommand_from list rm help" -l force -d 'Take credits away even if the balance goes below zero'
complete -c credits -n "__fish_credits_using_subcommand adjust; and not __fish_seen_subcommand_from list rm help" -l allow-future -d 'Accept an --at more than a day in the future (--force here is about the balance)'
complete -c credits -n "__fish_credits_using_subcommand adjust; and not __fish_seen_subcommand_from list rm help" -l json -d 'Print JSON instead of a table (exact decimals as strings)'
complete -c credits -n "__fish_credits_using_subcommand adjust; and not __fish_seen_subcommand_from list rm help" -l wide -d 'Show every column of a table, whatever the width (the lines may be longer than it)'
complete -c credits -n "__fish_credits_using_subcommand adjust; and not __fish_seen_subcommand_from list rm help" -s h -l help -d 'Print help'
complete -c credits -n "__fish_credits_using_subcommand adjust; and not __fish_seen_subcommand_from list rm help" -a "list" -d 'The adjustments recorded, with their ids and the credits left of each one that added some'
complete -c credits -n "__fish_credits_using_subcommand adjust; and not __fish_seen_subcommand_from list rm help" -a "rm" -d 'Remove an adjustment recorded by mistake; the balance is replayed without it'
complete -c credits -n "__fish_credits_using_subcommand adjust; and not __fish_seen_subcommand_from list rm help" -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c credits -n "__fish_credits_using_subcommand adjust; and __fish_seen_subcommand_from list" -l pricing-dir -d 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]' -r -F
complete -c credits -n "__fish_credits_using_subcommand adjust; and __fish_seen_subcommand_from list" -l db -d 'The generation log: a SQLite file, or a studio ledger\'s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir\'s credits.db] [env: CREDITS_DB]' -r -F
complete -c credits -n "__fish_credits_using_subcommand adjust; and __fish_seen_subcommand_from list" -l user -d 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead' -r -f
complete -c credits -n "__fish_credits_using_subcommand adjust; and __fish_seen_subcommand_from list" -l json -d 'Print JSON instead of a table (exact decimals as strings)'
complete -c credits -n "__fish_credits_using_subcommand adjust; and __fish_seen_subcommand_from list" -l wide -d 'Show every column of a table, whatever the width (the lines may be longer than it)'
complete -c credits -n "__fish_credits_using_subcommand adjust; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c credits -n "__fish_credits_using_subcommand adjust; and __fish_seen_subcommand_from rm" -l pricing-dir -d 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]' -r -F
complete -c credits -n "__fish_credits_using_subcommand adjust; and __fish_seen_subcommand_from rm" -l db -d 'The generation log: a SQLite file, or a studio ledger\'s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir\'s credits.db] [env: CREDITS_DB]' -r -F
complete -c credits -n "__fish_credits_using_subcommand adjust; and __fish_seen_subcommand_from rm" -l user -d 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead' -r -f
complete -c credits -n "__fish_credits_using_subcommand adjust; and __fish_seen_subcommand_from rm" -l force -d 'Also when generations were already paid from its credits (the balance goes below zero)'
complete -c credits -n "__fish_credits_using_subcommand adjust; and __fish_seen_subcommand_from rm" -l json -d 'Print JSON instead of a table (exact decimals as strings)'
complete -c credits -n "__fish_credits_using_subcommand adjust; and __fish_seen_subcommand_from rm" -l wide -d 'Show every column of a table, whatever the width (the lines may be longer than it)'
complete -c credits -n "__fish_credits_using_subcommand adjust; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c credits -n "__fish_credits_using_subcommand adjust; and __fish_seen_subcommand_from help" -f -a "list" -d 'The adjustments recorded, with their ids and the credits left of each one that added some'
complete -c credits -n "__fish_credits_using_subcommand adjust; and __fish_seen_subcommand_from help" -f -a "rm" -d 'Remove an adjustment recorded by mistake; the balance is replayed without it'
complete -c credits -n "__fish_credits_using_subcommand adjust; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c credits -n "__fish_credits_using_subcommand balance" -l as-of -d 'The balance at this date or time (a date means the end of that day) [default: now]' -r -f
complete -c credits -n "__fish_credits_using_subcommand balance" -l pricing-dir -d 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]' -r -F
complete -c credits -n "__fish_credits_using_subcommand balance" -l db -d 'The generation log: a SQLite file, or a studio ledger\'s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir\'s credits.db] [env: CREDITS_DB]' -r -F
complete -c credits -n "__fish_credits_using_subcommand balance" -l user -d 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead' -r -f
complete -c credits -n "__fish_credits_using_subcommand balance" -l json -d 'Print JSON instead of a table (exact decimals as strings)'
complete -c credits -n "__fish_credits_using_subcommand balance" -l wide -d 'Show every column of a table, whatever the width (the lines may be longer than it)'
complete -c credits -n "__fish_credits_using_subcommand balance" -s h -l help -d 'Print help'
complete -c credits -n "__fish_credits_using_subcommand budget; and not __fish_seen_subcommand_from set list check rm help" -l pricing-dir -d 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]' -r -F
complete -c credits -n "__fish_credits_using_subcommand budget; and not __fish_seen_subcommand_from set list check rm help" -l db -d 'The generation log: a SQLite file, or a studio ledger\'s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir\'s credits.db] [env: CREDITS_DB]' -r -F
complete -c credits -n "__fish_credits_using_subcommand budget; and not __fish_seen_subcommand_from set list check rm help" -l user -d 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead' -r -f
complete -c credits -n "__fish_credits_using_subcommand budget; and not __fish_seen_subcommand_from set list check rm help" -l json -d 'Print JSON instead of a table (exact decimals as strings)'
complete -c credits -n "__fish_credits_using_subcommand budget; and not __fish_seen_subcommand_from set list check rm help" -l wide -d 'Show every column of a table, whatever the width (the lines may be longer than it)'
complete -c credits -n "__fish_credits_using_subcommand budget; and not __fish_seen_subcommand_from set list check rm help" -s h -l help -d 'Print help'
complete -c credits -n "__fish_credits_using_subcommand budget; and not __fish_seen_subcommand_from set list check rm help" -f -a "set" -d 'Set (or replace) a project\'s budget'
complete -c credits -n "__fish_credits_using_subcommand budget; and not __fish_seen_subcommand_from set list check rm help" -f -a "list" -d 'Every budget with what is used and left'
complete -c credits -n "__fish_credits_using_subcommand budget; and not __fish_seen_subcommand_from set list check rm help" -f -a "check" -d 'Exit 3 if any budget is exceeded, 0 if none is (for scripts)'
complete -c credits -n "__fish_credits_using_subcommand budget; and not __fish_seen_subcommand_from set list check rm help" -f -a "rm" -d 'Remove a project\'s budget (both units unless one is given)'
complete -c credits -n "__fish_credits_using_subcommand budget; and not __fish_seen_subcommand_from set list check rm help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c credits -n "__fish_credits_using_subcommand budget; and __fish_seen_subcommand_from set" -l platform -d 'The platform whose credits a credits budget counts' -r -f
complete -c credits -n "__fish_credits_using_subcommand budget; and __fish_seen_subcommand_from set" -l period -d 'Count per calendar month, or everything logged' -r -f -a "month\t''
total\t''"
complete -c credits -n "__fish_credits_using_subcommand budget; and __fish_seen_subcommand_from set" -l currency -d 'Currency of a money budget' -r -f
complete -c credits -n "__fish_credits_using_subcommand budget; and __fish_seen_subcommand_from set" -l for -d 'Count only the entries NAME logged (their `logged_by`): one person\'s budget on a shared ledger, beside the team\'s [default: everyone\'s]' -r -f
complete -c credits -n "__fish_credits_using_subcommand budget; and __fish_seen_subcommand_from set" -l pricing-dir -d 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]' -r -F
complete -c credits -n "__fish_credits_using_subcommand budget; and __fish_seen_subcommand_from set" -l db -d 'The generation log: a SQLite file, or a studio ledger\'s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir\'s credits.db] [env: CREDITS_DB]' -r -F
complete -c credits -n "__fish_credits_using_subcommand budget; and __fish_seen_subcommand_from set" -l user -d 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead' -r -f
complete -c credits -n "__fish_credits_using_subcommand budget; and __fish_seen_subcommand_from set" -l money -d 'AMOUNT is money (in --currency)'
complete -c credits -n "__fish_credits_using_subcommand budget; and __fish_seen_subcommand_from set" -l credits -d 'AMOUNT is credits (of --platform: credits of different platforms never add up)'
complete -c credits -n "__fish_credits_using_subcommand budget; and __fish_seen_subcommand_from set" -l json -d 'Print JSON instead of a table (exact decimals as strings)'
complete -c credits -n "__fish_credits_using_subcommand budget; and __fish_seen_subcommand_from set" -l wide -d 'Show every column of a table, whatever the width (the lines may be longer than it)'
complete -c credits -n "__fish_credits_using_subcommand budget; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help'
complete -c credits -n "__fish_credits_using_subcommand budget; and __fish_seen_subcommand_from list" -l pricing-dir -d 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]' -r -F
complete -c credits -n "__fish_credits_using_subcommand budget; and __fish_seen_subcommand_from list" -l db -d 'The generation log: a SQLite file, or a studio ledger\'s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir\'s credits.db] [env: CREDITS_DB]' -r -F
complete -c credits -n "__fish_credits_using_subcommand budget; and __fish_seen_subcommand_from list" -l user -d 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead' -r -f
complete -c credits -n "__fish_credits_using_subcommand budget; and __fish_seen_subcommand_from list" -l json -d 'Print JSON instead of a table (exact decimals as strings)'
complete -c credits -n "__fish_credits_using_subcommand budget; and __fish_seen_subcommand_from list" -l wide -d 'Show every column of a table, whatever the width (the lines may be longer than it)'
complete -c credits -n "__fish_credits_using_subcommand budget; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c credits -n "__fish_credits_using_subcommand budget; and __fish_seen_subcommand_from check" -l pricing-dir -d 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]' -r -F
complete -c credits -n "__fish_credits_using_subcommand budget; and __fish_seen_subcommand_from check" -l db -d 'The generation log: a SQLite file, or a studio ledger\'s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir\'s credits.db] [env: CREDITS_DB]' -r -F
complete -c credits -n "__fish_credits_using_subcommand budget; and __fish_seen_subcommand_from check" -l user -d 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead' -r -f
complete -c credits -n "__fish_credits_using_subcommand budget; and __fish_seen_subcommand_from check" -l json -d 'Print JSON instead of a table (exact decimals as strings)'
complete -c credits -n "__fish_credits_using_subcommand budget; and __fish_seen_subcommand_from check" -l wide -d 'Show every column of a table, whatever the width (the lines may be longer than it)'
complete -c credits -n "__fish_credits_using_subcommand budget; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help'
complete -c credits -n "__fish_credits_using_subcommand budget; and __fish_seen_subcommand_from rm" -l platform -d 'Only the credits budget of this platform' -r -f
complete -c credits -n "__fish_credits_using_subcommand budget; and __fish_seen_subcommand_from rm" -l for -d 'Only NAME\'s budget (set with `budget set … --for NAME`)' -r -f
complete -c credits -n "__fish_credits_using_subcommand budget; and __fish_seen_subcommand_from rm" -l pricing-dir -d 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]' -r -F
complete -c credits -n "__fish_credits_using_subcommand budget; and __fish_seen_subcommand_from rm" -l db -d 'The generation log: a SQLite file, or a studio ledger\'s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir\'s credits.db] [env: CREDITS_DB]' -r -F
complete -c credits -n "__fish_credits_using_subcommand budget; and __fish_seen_subcommand_from rm" -l user -d 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead' -r -f
complete -c credits -n "__fish_credits_using_subcommand budget; and __fish_seen_subcommand_from rm" -l money -d 'Only the money budget'
complete -c credits -n "__fish_credits_using_subcommand budget; and __fish_seen_subcommand_from rm" -l credits -d 'Only the credits budget(s)'
complete -c credits -n "__fish_credits_using_subcommand budget; and __fish_seen_subcommand_from rm" -l json -d 'Print JSON instead of a table (exact decimals as strings)'
complete -c credits -n "__fish_credits_using_subcommand budget; and __fish_seen_subcommand_from rm" -l wide -d 'Show every column of a table, whatever the width (the lines may be longer than it)'
complete -c credits -n "__fish_credits_using_subcommand budget; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c credits -n "__fish_credits_using_subcommand budget; and __fish_seen_subcommand_from help" -f -a "set" -d 'Set (or replace) a project\'s budget'
complete -c credits -n "__fish_credits_using_subcommand budget; and __fish_seen_subcommand_from help" -f -a "list" -d 'Every budget with what is used and left'
complete -c credits -n "__fish_credits_using_subcommand budget; and __fish_seen_subcommand_from help" -f -a "check" -d 'Exit 3 if any budget is exceeded, 0 if none is (for scripts)'
complete -c credits -n "__fish_credits_using_subcommand budget; and __fish_seen_subcommand_from help" -f -a "rm" -d 'Remove a project\'s budget (both units unless one is given)'
complete -c credits -n "__fish_credits_using_subcommand budget; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c credits -n "__fish_credits_using_subcommand db; and not __fish_seen_subcommand_from status copy help" -l pricing-dir -d 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]' -r -F
complete -c credits -n "__fish_credits_using_subcommand db; and not __fish_seen_subcommand_from status copy help" -l db -d 'The generation log: a SQLite file, or a studio ledger\'s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir\'s credits.db] [env: CREDITS_DB]' -r -F
complete -c credits -n "__fish_credits_using_subcommand db; and not __fish_seen_subcommand_from status copy help" -l user -d 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead' -r -f
complete -c credits -n "__fish_credits_using_subcommand db; and not __fish_seen_subcommand_from status copy help" -l json -d 'Print JSON instead of a table (exact decimals as strings)'
complete -c credits -n "__fish_credits_using_subcommand db; and not __fish_seen_subcommand_from status copy help" -l wide -d 'Show every column of a table, whatever the width (the lines may be longer than it)'
complete -c credits -n "__fish_credits_using_subcommand db; and not __fish_seen_subcommand_from status copy help" -s h -l help -d 'Print help'
complete -c credits -n "__fish_credits_using_subcommand db; and not __fish_seen_subcommand_from status copy help" -f -a "status" -d 'The backend (SQLite or PostgreSQL), where the database is (password hidden), its schema version, entries and size'
complete -c credits -n "__fish_credits_using_subcommand db; and not __fish_seen_subcommand_from status copy help" -f -a "copy" -d 'Copy a whole ledger (entries with their tags and price tables, accounts and plan history, top-ups, adjustments, budgets) from one database to another, SQLite or PostgreSQL. Copying again adds nothing; into a ledger that already holds part of it, only what is new'
complete -c credits -n "__fish_credits_using_subcommand db; and not __fish_seen_subcommand_from status copy help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c credits -n "__fish_credits_using_subcommand db; and __fish_seen_subcommand_from status" -l pricing-dir -d 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]' -r -F
complete -c credits -n "__fish_credits_using_subcommand db; and __fish_seen_subcommand_from status" -l db -d 'The generation log: a SQLite file, or a studio ledger\'s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir\'s credits.db] [env: CREDITS_DB]' -r -F
complete -c credits -n "__fish_credits_using_subcommand db; and __fish_seen_subcommand_from status" -l user -d 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead' -r -f
complete -c credits -n "__fish_credits_using_subcommand db; and __fish_seen_subcommand_from status" -l json -d 'Print JSON instead of a table (exact decimals as strings)'
complete -c credits -n "__fish_credits_using_subcommand db; and __fish_seen_subcommand_from status" -l wide -d 'Show every column of a table, whatever the width (the lines may be longer than it)'
complete -c credits -n "__fish_credits_using_subcommand db; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c credits -n "__fish_credits_using_subcommand db; and __fish_seen_subcommand_from copy" -l from -d 'The database to copy from: a file or a postgres:// URL (it is only read)' -r -F
complete -c credits -n "__fish_credits_using_subcommand db; and __fish_seen_subcommand_from copy" -l to -d 'The database to copy into: a file (made if missing) or a postgres:// URL' -r -F
complete -c credits -n "__fish_credits_using_subcommand db; and __fish_seen_subcommand_from copy" -l pricing-dir -d 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]' -r -F
complete -c credits -n "__fish_credits_using_subcommand db; and __fish_seen_subcommand_from copy" -l db -d 'The generation log: a SQLite file, or a studio ledger\'s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir\'s credits.db] [env: CREDITS_DB]' -r -F
complete -c credits -n "__fish_credits_using_subcommand db; and __fish_seen_subcommand_from copy" -l user -d 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead' -r -f
complete -c credits -n "__fish_credits_using_subcommand db; and __fish_seen_subcommand_from copy" -l json -d 'Print JSON instead of a table (exact decimals as strings)'
complete -c credits -n "__fish_credits_using_subcommand db; and __fish_seen_subcommand_from copy" -l wide -d 'Show every column of a table, whatever the width (the lines may be longer than it)'
complete -c credits -n "__fish_credits_using_subcommand db; and __fish_seen_subcommand_from copy" -s h -l help -d 'Print help'
complete -c credits -n "__fish_credits_using_subcommand db; and __fish_seen_subcommand_from help" -f -a "status" -d 'The backend (SQLite or PostgreSQL), where the database is (password hidden), its schema version, entries and size'
complete -c credits -n "__fish_credits_using_subcommand db; and __fish_seen_subcommand_from help" -f -a "copy" -d 'Copy a whole ledger (entries with their tags and price tables, accounts and plan history, top-ups, adjustments, budgets) from one database to another, SQLite or PostgreSQL. Copying again adds nothing; into a ledger that already holds part of it, only what is new'
complete -c credits -n "__fish_credits_using_subcommand db; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c credits -n "__fish_credits_using_subcommand completions" -l pricing-dir -d 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]' -r -F
complete -c credits -n "__fish_credits_using_subcommand completions" -l db -d 'The generation log: a SQLite file, or a studio ledger\'s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir\'s credits.db] [env: CREDITS_DB]' -r -F
complete -c credits -n "__fish_credits_using_subcommand completions" -l user -d 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead' -r -f
complete -c credits -n "__fish_credits_using_subcommand completions" -l json -d 'Print JSON instead of a table (exact decimals as strings)'
complete -c credits -n "__fish_credits_using_subcommand completions" -l wide -d 'Show every column of a table, whatever the width (the lines may be longer than it)'
complete -c credits -n "__fish_credits_using_subcommand completions" -s h -l help -d 'Print help'
complete -c credits -n "__fish_credits_using_subcommand man" -l dir -d 'Write credits.1 and one page per command (credits-log.1, credits-pricing-show.1, …) into DIR' -r -f -a "(__fish_complete_directories)"
complete -c credits -n "__fish_credits_using_subcommand man" -l pricing-dir -d 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]' -r -F
complete -c credits -n "__fish_credits_using_subcommand man" -l db -d 'The generation log: a SQLite file, or a studio ledger\'s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir\'s credits.db] [env: CREDITS_DB]' -r -F
complete -c credits -n "__fish_credits_using_subcommand man" -l user -d 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead' -r -f
complete -c credits -n "__fish_credits_using_subcommand man" -l json -d 'Print JSON instead of a table (exact decimals as strings)'
complete -c credits -n "__fish_credits_using_subcommand man" -l wide -d 'Show every column of a table, whatever the width (the lines may be longer than it)'
complete -c credits -n "__fish_credits_using_subcommand man" -s h -l help -d 'Print help'
complete -c credits -n "__fish_credits_using_subcommand help; and not __fish_seen_subcommand_from estimate calc compare plans pricing log scan fail refund edit rm reprice history report refunds export import account topup adjust balance budget db completions man help" -f -a "estimate" -d 'What a generation costs on one model: credits, plan, per clip, per second'
complete -c credits -n "__fish_credits_using_subcommand help; and not __fish_seen_subcommand_from estimate calc compare plans pricing log scan fail refund edit rm reprice history report refunds export import account topup adjust balance budget db completions man help" -f -a "calc" -d 'Price per credit, per clip and per second from your own plan numbers (no table needed)'
complete -c credits -n "__fish_credits_using_subcommand help; and not __fish_seen_subcommand_from estimate calc compare plans pricing log scan fail refund edit rm reprice history report refunds export import account topup adjust balance budget db completions man help" -f -a "compare" -d 'Rank every model that can make a "standard shot" by cost per second'
complete -c credits -n "__fish_credits_using_subcommand help; and not __fish_seen_subcommand_from estimate calc compare plans pricing log scan fail refund edit rm reprice history report refunds export import account topup adjust balance budget db completions man help" -f -a "plans" -d 'Which plan (or plan and packs, or pay per use) is cheapest for a month\'s work'
complete -c credits -n "__fish_credits_using_subcommand help; and not __fish_seen_subcommand_from estimate calc compare plans pricing log scan fail refund edit rm reprice history report refunds export import account topup adjust balance budget db completions man help" -f -a "pricing" -d 'List, show, validate, locate and update pricing tables'
complete -c credits -n "__fish_credits_using_subcommand help; and not __fish_seen_subcommand_from estimate calc compare plans pricing log scan fail refund edit rm reprice history report refunds export import account topup adjust balance budget db completions man help" -f -a "log" -d 'Record a generation in the log'
complete -c credits -n "__fish_credits_using_subcommand help; and not __fish_seen_subcommand_from estimate calc compare plans pricing log scan fail refund edit rm reprice history report refunds export import account topup adjust balance budget db completions man help" -f -a "scan" -d 'Log the clips and images you downloaded, read from the files themselves'
complete -c credits -n "__fish_credits_using_subcommand help; and not __fish_seen_subcommand_from estimate calc compare plans pricing log scan fail refund edit rm reprice history report refunds export import account topup adjust balance budget db completions man help" -f -a "fail" -d 'Mark a logged generation as failed (charged, refund not yet seen)'
complete -c credits -n "__fish_credits_using_subcommand help; and not __fish_seen_subcommand_from estimate calc compare plans pricing log scan fail refund edit rm reprice history report refunds export import account topup adjust balance budget db completions man help" -f -a "refund" -d 'Mark a failed generation as refunded (credits returned); implies failed'
complete -c credits -n "__fish_credits_using_subcommand help; and not __fish_seen_subcommand_from estimate calc compare plans pricing log scan fail refund edit rm reprice history report refunds export import account topup adjust balance budget db completions man help" -f -a "edit" -d 'Change an entry\'s project, tags, note, kept flag or status'
complete -c credits -n "__fish_credits_using_subcommand help; and not __fish_seen_subcommand_from estimate calc compare plans pricing log scan fail refund edit rm reprice history report refunds export import account topup adjust balance budget db completions man help" -f -a "rm" -d 'Delete an entry'
complete -c credits -n "__fish_credits_using_subcommand help; and not __fish_seen_subcommand_from estimate calc compare plans pricing log scan fail refund edit rm reprice history report refunds export import account topup adjust balance budget db completions man help" -f -a "reprice" -d 'Price logged entries again from today\'s tables, account and balance'
complete -c credits -n "__fish_credits_using_subcommand help; and not __fish_seen_subcommand_from estimate calc compare plans pricing log scan fail refund edit rm reprice history report refunds export import account topup adjust balance budget db completions man help" -f -a "history" -d 'List logged generations, newest first'
complete -c credits -n "__fish_credits_using_subcommand help; and not __fish_seen_subcommand_from estimate calc compare plans pricing log scan fail refund edit rm reprice history report refunds export import account topup adjust balance budget db completions man help" -f -a "report" -d 'Clips, seconds, credits, refunds and money by project, platform, model, period or tag'
complete -c credits -n "__fish_credits_using_subcommand help; and not __fish_seen_subcommand_from estimate calc compare plans pricing log scan fail refund edit rm reprice history report refunds export import account topup adjust balance budget db completions man help" -f -a "refunds" -d 'Failed generations with no refund yet: credits the platforms owe you'
complete -c credits -n "__fish_credits_using_subcommand help; and not __fish_seen_subcommand_from estimate calc compare plans pricing log scan fail refund edit rm reprice history report refunds export import account topup adjust balance budget db completions man help" -f -a "export" -d 'Write the log as CSV or JSON'
complete -c credits -n "__fish_credits_using_subcommand help; and not __fish_seen_subcommand_from estimate calc compare plans pricing log scan fail refund edit rm reprice history report refunds export import account topup adjust balance budget db completions man help" -f -a "import" -d 'Add entries from a CSV or JSON file (all or nothing; importing twice adds nothing)'
complete -c credits -n "__fish_credits_using_subcommand help; and not __fish_seen_subcommand_from estimate calc compare plans pricing log scan fail refund edit rm reprice history report refunds export import account topup adjust balance budget db completions man help" -f -a "account" -d 'Which plan you are on, per platform, and since when (prices what you log)'
complete -c credits -n "__fish_credits_using_subcommand help; and not __fish_seen_subcommand_from estimate calc compare plans pricing log scan fail refund edit rm reprice history report refunds export import account topup adjust balance budget db completions man help" -f -a "topup" -d 'Record credits you bought: a pack from the table, or credits at a price'
complete -c credits -n "__fish_credits_using_subcommand help; and not __fish_seen_subcommand_from estimate calc compare plans pricing log scan fail refund edit rm reprice history report refunds export import account topup adjust balance budget db completions man help" -f -a "adjust" -d 'Correct a balance: signup bonus, daily reward, credits from support (or take some away)'
complete -c credits -n "__fish_credits_using_subcommand help; and not __fish_seen_subcommand_from estimate calc compare plans pricing log scan fail refund edit rm reprice history report refunds export import account topup adjust balance budget db completions man help" -f -a "balance" -d 'Credits available per platform: by source, what expires next, what they buy'
complete -c credits -n "__fish_credits_using_subcommand help; and not __fish_seen_subcommand_from estimate calc compare plans pricing log scan fail refund edit rm reprice history report refunds export import account topup adjust balance budget db completions man help" -f -a "budget" -d 'Spending limits per project, in money or credits'
complete -c credits -n "__fish_credits_using_subcommand help; and not __fish_seen_subcommand_from estimate calc compare plans pricing log scan fail refund edit rm reprice history report refunds export import account topup adjust balance budget db completions man help" -f -a "db" -d 'The log\'s database: where it is and what it holds; copy a whole ledger between two'
complete -c credits -n "__fish_credits_using_subcommand help; and not __fish_seen_subcommand_from estimate calc compare plans pricing log scan fail refund edit rm reprice history report refunds export import account topup adjust balance budget db completions man help" -f -a "completions" -d 'Print a shell completion script'
complete -c credits -n "__fish_credits_using_subcommand help; and not __fish_seen_subcommand_from estimate calc compare plans pricing log scan fail refund edit rm reprice history report refunds export import account topup adjust balance budget db completions man help" -f -a "man" -d 'Print the man page (roff) to stdout, or write every page into a folder'
complete -c credits -n "__fish_credits_using_subcommand help; and not __fish_seen_subcommand_from estimate calc compare plans pricing log scan fail refund edit rm reprice history report refunds export import account topup adjust balance budget db completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c credits -n "__fish_credits_using_subcommand help; and __fish_seen_subcommand_from pricing" -f -a "list" -d 'Every platform: as_of date, plans and models'
complete -c credits -n "__fish_credits_using_subcommand help; and __fish_seen_subcommand_from pricing" -f -a "show" -d 'One platform: plans with price per credit, packs, models with rates and minimum plans'
complete -c credits -n "__fish_credits_using_subcommand help; and __fish_seen_subcommand_from pricing" -f -a "validate" -d 'Check pricing files (or, with none, the shipped tables) and list every problem (exit 1 if any)'
complete -c credits -n "__fish_credits_using_subcommand help; and __fish_seen_subcommand_from pricing" -f -a "dump" -d 'Print a table as a pricing file to start an override from (the shipped table; with --effective, as loaded with your files applied)'
complete -c credits -n "__fish_credits_using_subcommand help; and __fish_seen_subcommand_from pricing" -f -a "dirs" -d 'Where tables are looked for, and which files were loaded'
complete -c credits -n "__fish_credits_using_subcommand help; and __fish_seen_subcommand_from pricing" -f -a "status" -d 'Where each platform\'s table comes from (built-in, bundle, your file) and its date, and which models of your log have shut down since'
complete -c credits -n "__fish_credits_using_subcommand help; and __fish_seen_subcommand_from pricing" -f -a "update" -d 'Install a pricing bundle from a file or URL after checking it, or remove it'
complete -c credits -n "__fish_credits_using_subcommand help; and __fish_seen_subcommand_from pricing" -f -a "bundle" -d 'Make a pricing bundle (one dated file) of every *.toml table in DIR'
complete -c credits -n "__fish_credits_using_subcommand help; and __fish_seen_subcommand_from account" -f -a "set" -d 'Record the plan you are on for a platform'
complete -c credits -n "__fish_credits_using_subcommand help; and __fish_seen_subcommand_from account" -f -a "list" -d 'The plans you are on, with their history'
complete -c credits -n "__fish_credits_using_subcommand help; and __fish_seen_subcommand_from account" -f -a "rm" -d 'Remove a plan change recorded by mistake (the platform and its date, as `account list` shows them); the plan before it runs on'
complete -c credits -n "__fish_credits_using_subcommand help; and __fish_seen_subcommand_from topup" -f -a "list" -d 'The top-ups recorded, with their ids and the credits left of each'
complete -c credits -n "__fish_credits_using_subcommand help; and __fish_seen_subcommand_from topup" -f -a "rm" -d 'Remove a top-up recorded by mistake (e.g. twice); the balance is replayed without it'
complete -c credits -n "__fish_credits_using_subcommand help; and __fish_seen_subcommand_from adjust" -f -a "list" -d 'The adjustments recorded, with their ids and the credits left of each one that added some'
complete -c credits -n "__fish_credits_using_subcommand help; and __fish_seen_subcommand_from adjust" -f -a "rm" -d 'Remove an adjustment recorded by mistake; the balance is replayed without it'
complete -c credits -n "__fish_credits_using_subcommand help; and __fish_seen_subcommand_from budget" -f -a "set" -d 'Set (or replace) a project\'s budget'
complete -c credits -n "__fish_credits_using_subcommand help; and __fish_seen_subcommand_from budget" -f -a "list" -d 'Every budget with what is used and left'
complete -c credits -n "__fish_credits_using_subcommand help; and __fish_seen_subcommand_from budget" -f -a "check" -d 'Exit 3 if any budget is exceeded, 0 if none is (for scripts)'
complete -c credits -n "__fish_credits_using_subcommand help; and __fish_seen_subcommand_from budget" -f -a "rm" -d 'Remove a project\'s budget (both units unless one is given)'
complete -c credits -n "__fish_credits_using_subcommand help; and __fish_seen_subcommand_from db" -f -a "status" -d 'The backend (SQLite or PostgreSQL), where the database is (password hidden), its schema version, entries and size'
complete -c credits -n "__fish_credits_using_subcommand help; and __fish_seen_subcommand_from db" -f -a "copy" -d 'Copy a whole ledger (entries with their tags and price tables, accounts and plan history, top-ups, adjustments, budgets) from one database to another, SQLite or PostgreSQL. Copying again adds nothing; into a ledger that already holds part of it, only what is new'
