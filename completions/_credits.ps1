
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'credits' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'credits'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'credits' {
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every column of a table, whatever the width (the lines may be longer than it)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('estimate', 'estimate', [CompletionResultType]::ParameterValue, 'What a generation costs on one model: credits, plan, per clip, per second')
            [CompletionResult]::new('calc', 'calc', [CompletionResultType]::ParameterValue, 'Price per credit, per clip and per second from your own plan numbers (no table needed)')
            [CompletionResult]::new('compare', 'compare', [CompletionResultType]::ParameterValue, 'Rank every model that can make a "standard shot" by cost per second')
            [CompletionResult]::new('plans', 'plans', [CompletionResultType]::ParameterValue, 'Which plan (or plan and packs, or pay per use) is cheapest for a month''s work')
            [CompletionResult]::new('pricing', 'pricing', [CompletionResultType]::ParameterValue, 'List, show, validate, locate and update pricing tables')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Record a generation in the log')
            [CompletionResult]::new('scan', 'scan', [CompletionResultType]::ParameterValue, 'Log the clips and images you downloaded, read from the files themselves')
            [CompletionResult]::new('fail', 'fail', [CompletionResultType]::ParameterValue, 'Mark a logged generation as failed (charged, refund not yet seen)')
            [CompletionResult]::new('refund', 'refund', [CompletionResultType]::ParameterValue, 'Mark a failed generation as refunded (credits returned); implies failed')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change an entry''s project, tags, note, kept flag or status')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Delete an entry')
            [CompletionResult]::new('reprice', 'reprice', [CompletionResultType]::ParameterValue, 'Price logged entries again from today''s tables, account and balance')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'List logged generations, newest first')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Clips, seconds, credits, refunds and money by project, platform, model, period or tag')
            [CompletionResult]::new('refunds', 'refunds', [CompletionResultType]::ParameterValue, 'Failed generations with no refund yet: credits the platforms owe you')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write the log as CSV or JSON')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Add entries from a CSV or JSON file (all or nothing; importing twice adds nothing), or what a platform billed, from its API''s JSON (--from)')
            [CompletionResult]::new('reconcile', 'reconcile', [CompletionResultType]::ParameterValue, 'Estimated (the tables) against billed (what the platform reported, `import --from`), per model and day: totals, the largest differences, what was billed but never logged, logged but never billed, and failures charged')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Fetch what a platform billed from its API (the key from an environment variable) and import it, as `import --from` would; only when run, never at start-up')
            [CompletionResult]::new('account', 'account', [CompletionResultType]::ParameterValue, 'Which plan you are on, per platform, and since when (prices what you log)')
            [CompletionResult]::new('topup', 'topup', [CompletionResultType]::ParameterValue, 'Record credits you bought: a pack from the table, or credits at a price')
            [CompletionResult]::new('adjust', 'adjust', [CompletionResultType]::ParameterValue, 'Correct a balance: signup bonus, daily reward, credits from support (or take some away)')
            [CompletionResult]::new('balance', 'balance', [CompletionResultType]::ParameterValue, 'Credits available per platform: by source, what expires next, what they buy')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'One short line for a prompt or status bar: balances, days left at this pace, budgets')
            [CompletionResult]::new('budget', 'budget', [CompletionResultType]::ParameterValue, 'Spending limits per project, in money or credits')
            [CompletionResult]::new('db', 'db', [CompletionResultType]::ParameterValue, 'The log''s database: where it is and what it holds, and copying a whole ledger to another database')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff) to stdout, or write every page into a folder')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'credits;estimate' {
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'Seconds of output per generation: 10, 2.5, 10s, 1m30s')
            [CompletionResult]::new('--resolution', '--resolution', [CompletionResultType]::ParameterName, 'Output resolution, e.g. 720p, 1080p, 4k, 1024x1024 (a bare 1080 is read as 1080p)')
            [CompletionResult]::new('--refs', '--refs', [CompletionResultType]::ParameterName, 'Number of reference images')
            [CompletionResult]::new('--mode', '--mode', [CompletionResultType]::ParameterName, 'Model mode or quality, e.g. standard, pro, low, high')
            [CompletionResult]::new('--chars', '--chars', [CompletionResultType]::ParameterName, 'Characters of input (text to speech)')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'How many generations')
            [CompletionResult]::new('--plan', '--plan', [CompletionResultType]::ParameterName, 'Price the credits with this plan (and say whether it allows the request)')
            [CompletionResult]::new('--billing', '--billing', [CompletionResultType]::ParameterName, 'Monthly or annual billing of the plan [default: your account''s, else monthly]')
            [CompletionResult]::new('--price-per-credit', '--price-per-credit', [CompletionResultType]::ParameterName, 'Your own price per credit, overriding the plan''s')
            [CompletionResult]::new('--shots', '--shots', [CompletionResultType]::ParameterName, 'Price a whole shot list (TOML with [[shot]] tables) instead of one request')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project whose budgets to check (warns past the budget_warn shares, 50/75/90% by default, and over) [default: CREDITS_PROJECT, or `project` in the config file]')
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead')
            [CompletionResult]::new('--audio', '--audio', [CompletionResultType]::ParameterName, 'Generate sound with the video')
            [CompletionResult]::new('--upscale', '--upscale', [CompletionResultType]::ParameterName, 'Upscale the output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every column of a table, whatever the width (the lines may be longer than it)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'credits;calc' {
            [CompletionResult]::new('--plan-price', '--plan-price', [CompletionResultType]::ParameterName, 'What the plan or pack costs, e.g. 30')
            [CompletionResult]::new('--plan-credits', '--plan-credits', [CompletionResultType]::ParameterName, 'Credits it includes, e.g. 3000')
            [CompletionResult]::new('--clip-credits', '--clip-credits', [CompletionResultType]::ParameterName, 'Credits one clip uses, e.g. 50')
            [CompletionResult]::new('--seconds', '--seconds', [CompletionResultType]::ParameterName, 'Seconds of video in the clip, for the cost per second: 10, 2.5, 10s, 1m30s')
            [CompletionResult]::new('--currency', '--currency', [CompletionResultType]::ParameterName, 'Currency of the plan price')
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every column of a table, whatever the width (the lines may be longer than it)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'credits;compare' {
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'Seconds of the standard shot: 10, 2.5, 10s, 1m30s')
            [CompletionResult]::new('--resolution', '--resolution', [CompletionResultType]::ParameterName, 'Resolution of the standard shot (720p, 1080p, 4k; a bare 1080 is read as 1080p)')
            [CompletionResult]::new('--mode', '--mode', [CompletionResultType]::ParameterName, 'Model mode, where models have modes')
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'What to compare')
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'Only these platforms (repeatable)')
            [CompletionResult]::new('--max-plan', '--max-plan', [CompletionResultType]::ParameterName, 'Only plans up to this one (by name on each platform; `free` means free tiers)')
            [CompletionResult]::new('--billing', '--billing', [CompletionResultType]::ParameterName, 'Monthly or annual billing of the plans')
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead')
            [CompletionResult]::new('--audio', '--audio', [CompletionResultType]::ParameterName, 'The shot has sound')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every column of a table, whatever the width (the lines may be longer than it)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'credits;plans' {
            [CompletionResult]::new('--usage', '--usage', [CompletionResultType]::ParameterName, 'A month''s work, e.g. "40x gen-4 10s, 100x image" (repeatable; see below)')
            [CompletionResult]::new('--shots', '--shots', [CompletionResultType]::ParameterName, 'A shot list (as `estimate --shots`), made --times times a month')
            [CompletionResult]::new('--times', '--times', [CompletionResultType]::ParameterName, 'How many times a month the shot list is made')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'With --from-log: the window read (a date, or 30d / 8w ago), scaled to a month [default: 30d]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Extra generations per 100 kept outputs: retries, reruns, failures [default: the log''s with --from-log, else 0]')
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'Only these platforms (repeatable)')
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'Only options bought this way')
            [CompletionResult]::new('--billing', '--billing', [CompletionResultType]::ParameterName, 'Only plans billed this way (pay-per-use and packs are kept)')
            [CompletionResult]::new('--top', '--top', [CompletionResultType]::ParameterName, 'Show the N cheapest options')
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead')
            [CompletionResult]::new('--from-log', '--from-log', [CompletionResultType]::ParameterName, 'What your log shows you made: kept outputs, and the retry rate it measures')
            [CompletionResult]::new('--any-model', '--any-model', [CompletionResultType]::ParameterName, 'Let any model of the same kind make a named model''s items (compare across platforms)')
            [CompletionResult]::new('--explain', '--explain', [CompletionResultType]::ParameterName, 'Show the working for the cheapest option (credits per item × count, prices, leftover)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every column of a table, whatever the width (the lines may be longer than it)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'credits;pricing' {
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every column of a table, whatever the width (the lines may be longer than it)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every platform: as_of date, plans and models')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One platform: plans with price per credit, packs, models with rates and minimum plans')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check pricing files (or, with none, the shipped tables) and list every problem (exit 1 if any)')
            [CompletionResult]::new('dump', 'dump', [CompletionResultType]::ParameterValue, 'Print a table as a pricing file to start an override from (the shipped table; with --effective, as loaded with your files applied)')
            [CompletionResult]::new('dirs', 'dirs', [CompletionResultType]::ParameterValue, 'Where tables are looked for, and which files were loaded')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Where each platform''s table comes from (built-in, bundle, your file) and its date, and which models of your log have shut down since')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Install a pricing bundle from a file or URL after checking it, or remove it')
            [CompletionResult]::new('bundle', 'bundle', [CompletionResultType]::ParameterValue, 'Make a pricing bundle (one dated file) of every *.toml table in DIR')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'credits;pricing;list' {
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every column of a table, whatever the width (the lines may be longer than it)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'credits;pricing;show' {
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every column of a table, whatever the width (the lines may be longer than it)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'credits;pricing;validate' {
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Also require sources, grades, dates and the sanity rules')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every column of a table, whatever the width (the lines may be longer than it)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'credits;pricing;dump' {
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead')
            [CompletionResult]::new('--effective', '--effective', [CompletionResultType]::ParameterName, 'The table as loaded, with your files'' patches applied')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every column of a table, whatever the width (the lines may be longer than it)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'credits;pricing;dirs' {
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every column of a table, whatever the width (the lines may be longer than it)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'credits;pricing;status' {
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead')
            [CompletionResult]::new('--stale', '--stale', [CompletionResultType]::ParameterName, 'Instead: every table and model by the date of its newest source, oldest first (where a refresh of the prices starts)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every column of a table, whatever the width (the lines may be longer than it)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'credits;pricing;update' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'The bundle: a file, or an https:// URL (plain http:// only to 127.0.0.1, ::1 or localhost)')
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Install a bundle even if it is older than the built-in tables')
            [CompletionResult]::new('--remove', '--remove', [CompletionResultType]::ParameterName, 'Remove the installed bundle: the built-in tables apply again')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every column of a table, whatever the width (the lines may be longer than it)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'credits;pricing;bundle' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'The bundle file to write')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'The bundle file to write')
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every column of a table, whatever the width (the lines may be longer than it)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'credits;pricing;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every platform: as_of date, plans and models')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One platform: plans with price per credit, packs, models with rates and minimum plans')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check pricing files (or, with none, the shipped tables) and list every problem (exit 1 if any)')
            [CompletionResult]::new('dump', 'dump', [CompletionResultType]::ParameterValue, 'Print a table as a pricing file to start an override from (the shipped table; with --effective, as loaded with your files applied)')
            [CompletionResult]::new('dirs', 'dirs', [CompletionResultType]::ParameterValue, 'Where tables are looked for, and which files were loaded')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Where each platform''s table comes from (built-in, bundle, your file) and its date, and which models of your log have shut down since')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Install a pricing bundle from a file or URL after checking it, or remove it')
            [CompletionResult]::new('bundle', 'bundle', [CompletionResultType]::ParameterValue, 'Make a pricing bundle (one dated file) of every *.toml table in DIR')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'credits;pricing;help;list' {
            break
        }
        'credits;pricing;help;show' {
            break
        }
        'credits;pricing;help;validate' {
            break
        }
        'credits;pricing;help;dump' {
            break
        }
        'credits;pricing;help;dirs' {
            break
        }
        'credits;pricing;help;status' {
            break
        }
        'credits;pricing;help;update' {
            break
        }
        'credits;pricing;help;bundle' {
            break
        }
        'credits;pricing;help;help' {
            break
        }
        'credits;log' {
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'Seconds of output per generation: 10, 2.5, 10s, 1m30s')
            [CompletionResult]::new('--resolution', '--resolution', [CompletionResultType]::ParameterName, 'Output resolution, e.g. 720p, 1080p, 4k, 1024x1024 (a bare 1080 is read as 1080p)')
            [CompletionResult]::new('--refs', '--refs', [CompletionResultType]::ParameterName, 'Number of reference images')
            [CompletionResult]::new('--mode', '--mode', [CompletionResultType]::ParameterName, 'Model mode or quality, e.g. standard, pro, low, high')
            [CompletionResult]::new('--chars', '--chars', [CompletionResultType]::ParameterName, 'Characters of input (text to speech)')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'How many generations')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project [default: CREDITS_PROJECT, or `project` in config.toml in your config folder: $XDG_CONFIG_HOME/credits, else ~/.config/credits on Linux]')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'A tag, e.g. client=acme (repeatable)')
            [CompletionResult]::new('--credits', '--credits', [CompletionResultType]::ParameterName, 'Credits the platform actually charged (overrides the table; logs unknown models)')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'When it ran (2026-11-21 15:00, RFC 3339, a date, yesterday, 3d) [default: now]')
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'A note')
            [CompletionResult]::new('--plan', '--plan', [CompletionResultType]::ParameterName, 'Price the money with this plan instead of your account''s')
            [CompletionResult]::new('--price-per-credit', '--price-per-credit', [CompletionResultType]::ParameterName, 'Your own price per credit for this entry')
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead')
            [CompletionResult]::new('--audio', '--audio', [CompletionResultType]::ParameterName, 'Generate sound with the video')
            [CompletionResult]::new('--upscale', '--upscale', [CompletionResultType]::ParameterName, 'Upscale the output')
            [CompletionResult]::new('--failed', '--failed', [CompletionResultType]::ParameterName, 'The generation failed (charged, refund not yet seen)')
            [CompletionResult]::new('--discarded', '--discarded', [CompletionResultType]::ParameterName, 'The output was not used (a rerun or discarded variation)')
            [CompletionResult]::new('--strict-budget', '--strict-budget', [CompletionResultType]::ParameterName, 'Refuse the entry (exit 3) if it takes its project over a budget [default: `strict_budget` in the config file]')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Accept an --at more than a day in the future')
            [CompletionResult]::new('--allow-future', '--allow-future', [CompletionResultType]::ParameterName, 'Accept an --at more than a day in the future')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every column of a table, whatever the width (the lines may be longer than it)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'credits;scan' {
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'The platform of every file (else: the file''s C2PA manifest, its name, then `[scan]` in the config file)')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'The model of every file (else: the file''s C2PA manifest, its name, then `[scan]` in the config file)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project [default: the `[scan]` folder''s `project`, else the mapped folder''s name, else the name of the folder holding the file]')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'A tag for every entry, e.g. client=acme (repeatable)')
            [CompletionResult]::new('--mode', '--mode', [CompletionResultType]::ParameterName, 'Model mode or quality of every file, e.g. standard, pro [default: the `[scan]` folder''s `mode`, else the cheapest, and said]')
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'List what would be logged, and why, without writing anything')
            [CompletionResult]::new('--no-audio-price', '--no-audio-price', [CompletionResultType]::ParameterName, 'Log a clip with a sound track at its model''s price without audio when the table has no price for audio (the sound was added later), saying so in the entry''s note [default: the `[scan]` folder''s `no_audio_price`]')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Keep running: log each new file once it has finished downloading, until interrupted')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every column of a table, whatever the width (the lines may be longer than it)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'credits;fail' {
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Also when the entry was refunded (undoes the refund)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every column of a table, whatever the width (the lines may be longer than it)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'credits;refund' {
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'When the credits came back (2026-11-21 15:00, RFC 3339, a date, yesterday, 3d) [default: now]')
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Also refund an entry marked ok (it succeeded), and accept an --at more than a day in the future')
            [CompletionResult]::new('--allow-future', '--allow-future', [CompletionResultType]::ParameterName, 'Accept an --at more than a day in the future')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every column of a table, whatever the width (the lines may be longer than it)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'credits;edit' {
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'New project (empty string clears it)')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Set a tag K=V (repeatable)')
            [CompletionResult]::new('--untag', '--untag', [CompletionResultType]::ParameterName, 'Remove a tag by key (repeatable)')
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'New note (empty string clears it)')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Set the status: ok, failed or refunded (undoes a wrong `fail` or `refund`)')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'With --status refunded: when the credits came back (a time, date or 3d) [default: now]')
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead')
            [CompletionResult]::new('--kept', '--kept', [CompletionResultType]::ParameterName, 'Mark the output as used')
            [CompletionResult]::new('--discarded', '--discarded', [CompletionResultType]::ParameterName, 'Mark the output as not used')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Accept an --at more than a day in the future')
            [CompletionResult]::new('--allow-future', '--allow-future', [CompletionResultType]::ParameterName, 'Accept an --at more than a day in the future')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every column of a table, whatever the width (the lines may be longer than it)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'credits;rm' {
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every column of a table, whatever the width (the lines may be longer than it)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'credits;reprice' {
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Only this project')
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'Only this platform')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Only this model')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Only entries with this tag (K=V, repeatable: all must match)')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only this status')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'From this date or time (2026-11-21, 2026-11-21 15:00, RFC 3339, today, yesterday, or 7d / 2w / 3m ago)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Up to this date or time (the same forms; a date includes its whole day)')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Only entries logged by this user (the global --user, as a filter here)')
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change without writing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every column of a table, whatever the width (the lines may be longer than it)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'credits;history' {
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Only this project')
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'Only this platform')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Only this model')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Only entries with this tag (K=V, repeatable: all must match)')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only this status')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'From this date or time (2026-11-21, 2026-11-21 15:00, RFC 3339, today, yesterday, or 7d / 2w / 3m ago)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Up to this date or time (the same forms; a date includes its whole day)')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Only entries logged by this user (the global --user, as a filter here)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most N entries')
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]')
            [CompletionResult]::new('--csv', '--csv', [CompletionResultType]::ParameterName, 'CSV instead of a table')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every column of a table, whatever the width (the lines may be longer than it)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'credits;report' {
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Group by project, platform, model, day, week, month, user or tag:KEY (repeatable, in order)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Only this project')
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'Only this platform')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Only this model')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Only entries with this tag (K=V, repeatable: all must match)')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only this status')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'From this date or time (2026-11-21, 2026-11-21 15:00, RFC 3339, today, yesterday, or 7d / 2w / 3m ago)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Up to this date or time (the same forms; a date includes its whole day)')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Only entries logged by this user (the global --user, as a filter here)')
            [CompletionResult]::new('--chart', '--chart', [CompletionResultType]::ParameterName, 'Draw spend over time as bars, one line per period of the --by day, week or month (money by default; `--chart credits`: credits, per platform)')
            [CompletionResult]::new('--top', '--top', [CompletionResultType]::ParameterName, 'With --chart: the N largest groups get a series of their own, the rest are "other" (1-9)')
            [CompletionResult]::new('--html', '--html', [CompletionResultType]::ParameterName, 'Write a cost sheet for a client to FILE (`-`: standard output): one self-contained HTML page (every entry, totals per model and per day, a chart, the pricing sources), for the filters given')
            [CompletionResult]::new('--markup', '--markup', [CompletionResultType]::ParameterName, 'With --html: add a markup to what is billed, in percent (15 for 15%)')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'With --html: convert what is billed at a rate you give, with its date: EUR=0.92@2026-12-01 (1 unit of the log''s currency = 0.92 EUR)')
            [CompletionResult]::new('--cost', '--cost', [CompletionResultType]::ParameterName, 'Which money: `estimated` (the tables'' price of what you logged, the default), `billed` (what the platforms reported, `import --from`), or `best` (billed where known, estimated elsewhere)')
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]')
            [CompletionResult]::new('--csv', '--csv', [CompletionResultType]::ParameterName, 'CSV instead of a table: one record per row, no total (a pivot table would count it twice)')
            [CompletionResult]::new('--total', '--total', [CompletionResultType]::ParameterName, 'With --csv: end with a TOTAL record')
            [CompletionResult]::new('--ascii', '--ascii', [CompletionResultType]::ParameterName, 'With --chart: draw with ASCII characters only (the default where the locale is not UTF-8)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every column of a table, whatever the width (the lines may be longer than it)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'credits;refunds' {
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every column of a table, whatever the width (the lines may be longer than it)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'credits;export' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write to FILE instead of stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write to FILE instead of stdout')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Only this project')
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'Only this platform')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Only this model')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Only entries with this tag (K=V, repeatable: all must match)')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only this status')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'From this date or time (2026-11-21, 2026-11-21 15:00, RFC 3339, today, yesterday, or 7d / 2w / 3m ago)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Up to this date or time (the same forms; a date includes its whole day)')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Only entries logged by this user (the global --user, as a filter here)')
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every column of a table, whatever the width (the lines may be longer than it)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'credits;import' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Read the file as this platform''s billing export (its API''s JSON): kept beside the tables'' estimate, matched to what you logged')
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every column of a table, whatever the width (the lines may be longer than it)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'credits;reconcile' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'From this day (2026-11-21, today, yesterday, or 7d / 2w / 3m ago); days are UTC, as the platforms bill them')
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every column of a table, whatever the width (the lines may be longer than it)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'credits;sync' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'From this day or time (2026-11-01, 7d, 2w) [default: 30 days ago]')
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every column of a table, whatever the width (the lines may be longer than it)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'credits;account' {
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every column of a table, whatever the width (the lines may be longer than it)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Record the plan you are on for a platform')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The plans you are on, with their history')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a plan change recorded by mistake (the platform and its date, as `account list` shows them); the plan before it runs on')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'credits;account;set' {
            [CompletionResult]::new('--plan', '--plan', [CompletionResultType]::ParameterName, 'Plan id or name')
            [CompletionResult]::new('--billing', '--billing', [CompletionResultType]::ParameterName, 'Monthly or annual billing')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'The date the plan''s credits are tracked from (or the change takes effect): 2026-11-01, today, yesterday, 3d [default: --subscribed, else today]. Not when the subscription began: a first-period promotion needs --subscribed')
            [CompletionResult]::new('--subscribed', '--subscribed', [CompletionResultType]::ParameterName, 'The date the subscription began, on or before --since: a first-period (new-subscriber) promotion applies when --since falls in the period from this date to the first renewal, and a monthly plan renews on this day')
            [CompletionResult]::new('--renews-on', '--renews-on', [CompletionResultType]::ParameterName, 'Day of the month the plan renews (1-31) [default: the day of --subscribed, else of --since]')
            [CompletionResult]::new('--price', '--price', [CompletionResultType]::ParameterName, 'What you really pay per billing period (a month, or a year with --billing annual), in the platform''s currency, when it is not the table''s list price (a discount, taxes, a regional price) or the table does not give one')
            [CompletionResult]::new('--credits', '--credits', [CompletionResultType]::ParameterName, 'Credits the plan gives each grant period, when the table does not say (or says otherwise)')
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every column of a table, whatever the width (the lines may be longer than it)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'credits;account;list' {
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every column of a table, whatever the width (the lines may be longer than it)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'credits;account;rm' {
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Also when generations were already paid from its credits (the balance goes below zero)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every column of a table, whatever the width (the lines may be longer than it)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'credits;account;help' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Record the plan you are on for a platform')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The plans you are on, with their history')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a plan change recorded by mistake (the platform and its date, as `account list` shows them); the plan before it runs on')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'credits;account;help;set' {
            break
        }
        'credits;account;help;list' {
            break
        }
        'credits;account;help;rm' {
            break
        }
        'credits;account;help;help' {
            break
        }
        'credits;topup' {
            [CompletionResult]::new('--pack', '--pack', [CompletionResultType]::ParameterName, 'A pack from the platform''s table (`credits pricing show PLATFORM` lists them)')
            [CompletionResult]::new('--credits', '--credits', [CompletionResultType]::ParameterName, 'Credits bought, when the purchase is not a pack in the table (needs --price)')
            [CompletionResult]::new('--price', '--price', [CompletionResultType]::ParameterName, 'What you paid for --credits (or for --pack, when not the table''s price), in the platform''s currency')
            [CompletionResult]::new('--expires-in', '--expires-in', [CompletionResultType]::ParameterName, 'Days until the credits expire [default: the pack''s expiry; for --credits, the table''s packs'' expiry, when they agree]')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'When you bought them (2026-11-21 15:00, RFC 3339, a date, yesterday, 3d) [default: now]')
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead')
            [CompletionResult]::new('--never-expires', '--never-expires', [CompletionResultType]::ParameterName, 'The credits never expire (--credits, or a pack whose table says otherwise)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Accept an --at more than a day in the future')
            [CompletionResult]::new('--allow-future', '--allow-future', [CompletionResultType]::ParameterName, 'Accept an --at more than a day in the future')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every column of a table, whatever the width (the lines may be longer than it)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The top-ups recorded, with their ids and the credits left of each')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a top-up recorded by mistake (e.g. twice); the balance is replayed without it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'credits;topup;list' {
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every column of a table, whatever the width (the lines may be longer than it)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'credits;topup;rm' {
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Also when generations were already paid from its credits (the balance goes below zero)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every column of a table, whatever the width (the lines may be longer than it)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'credits;topup;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The top-ups recorded, with their ids and the credits left of each')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a top-up recorded by mistake (e.g. twice); the balance is replayed without it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'credits;topup;help;list' {
            break
        }
        'credits;topup;help;rm' {
            break
        }
        'credits;topup;help;help' {
            break
        }
        'credits;adjust' {
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'Why, e.g. "signup bonus", "daily reward", "support refund"')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'When (2026-11-21 15:00, RFC 3339, a date, yesterday, 3d) [default: now]')
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Take credits away even if the balance goes below zero')
            [CompletionResult]::new('--allow-future', '--allow-future', [CompletionResultType]::ParameterName, 'Accept an --at more than a day in the future (--force here is about the balance)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every column of a table, whatever the width (the lines may be longer than it)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The adjustments recorded, with their ids and the credits left of each one that added some')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove an adjustment recorded by mistake; the balance is replayed without it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'credits;adjust;list' {
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every column of a table, whatever the width (the lines may be longer than it)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'credits;adjust;rm' {
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Also when generations were already paid from its credits (the balance goes below zero)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every column of a table, whatever the width (the lines may be longer than it)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'credits;adjust;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The adjustments recorded, with their ids and the credits left of each one that added some')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove an adjustment recorded by mistake; the balance is replayed without it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'credits;adjust;help;list' {
            break
        }
        'credits;adjust;help;rm' {
            break
        }
        'credits;adjust;help;help' {
            break
        }
        'credits;balance' {
            [CompletionResult]::new('--as-of', '--as-of', [CompletionResultType]::ParameterName, 'The balance at this date or time (a date means the end of that day) [default: now]')
            [CompletionResult]::new('--expect', '--expect', [CompletionResultType]::ParameterName, 'Check the ledger against the balance the platform shows (N credits): exit 0 when they match; otherwise the difference, its likely causes and the `credits adjust` that would reconcile it, exit 3. The check is kept: `balance` and `history` show the last one')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'When the platform showed --expect (a date means the end of that day, today''s now) [default: now]')
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every column of a table, whatever the width (the lines may be longer than it)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'credits;status' {
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every column of a table, whatever the width (the lines may be longer than it)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'credits;budget' {
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every column of a table, whatever the width (the lines may be longer than it)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set (or replace) a project''s budget')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every budget with what is used and left')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Exit 3 if any budget is exceeded, 0 if none is (for scripts)')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a project''s budget (both units unless one is given)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'credits;budget;set' {
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'The platform whose credits a credits budget counts')
            [CompletionResult]::new('--period', '--period', [CompletionResultType]::ParameterName, 'Count per calendar month, or everything logged')
            [CompletionResult]::new('--currency', '--currency', [CompletionResultType]::ParameterName, 'Currency of a money budget')
            [CompletionResult]::new('--for', '--for', [CompletionResultType]::ParameterName, 'Count only the entries NAME logged (their `logged_by`): one person''s budget on a shared ledger, beside the team''s [default: everyone''s]')
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead')
            [CompletionResult]::new('--money', '--money', [CompletionResultType]::ParameterName, 'AMOUNT is money (in --currency)')
            [CompletionResult]::new('--credits', '--credits', [CompletionResultType]::ParameterName, 'AMOUNT is credits (of --platform: credits of different platforms never add up)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every column of a table, whatever the width (the lines may be longer than it)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'credits;budget;list' {
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every column of a table, whatever the width (the lines may be longer than it)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'credits;budget;check' {
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every column of a table, whatever the width (the lines may be longer than it)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'credits;budget;rm' {
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'Only the credits budget of this platform')
            [CompletionResult]::new('--for', '--for', [CompletionResultType]::ParameterName, 'Only NAME''s budget (set with `budget set … --for NAME`)')
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead')
            [CompletionResult]::new('--money', '--money', [CompletionResultType]::ParameterName, 'Only the money budget')
            [CompletionResult]::new('--credits', '--credits', [CompletionResultType]::ParameterName, 'Only the credits budget(s)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every column of a table, whatever the width (the lines may be longer than it)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'credits;budget;help' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set (or replace) a project''s budget')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every budget with what is used and left')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Exit 3 if any budget is exceeded, 0 if none is (for scripts)')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a project''s budget (both units unless one is given)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'credits;budget;help;set' {
            break
        }
        'credits;budget;help;list' {
            break
        }
        'credits;budget;help;check' {
            break
        }
        'credits;budget;help;rm' {
            break
        }
        'credits;budget;help;help' {
            break
        }
        'credits;db' {
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every column of a table, whatever the width (the lines may be longer than it)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'The backend (SQLite or PostgreSQL), where the database is (password hidden), its schema version, entries and size')
            [CompletionResult]::new('copy', 'copy', [CompletionResultType]::ParameterValue, 'Copy a whole ledger (entries with their tags and price tables, accounts and plan history, top-ups, adjustments, budgets) from one database to another, SQLite or PostgreSQL. Copying again adds nothing; into a ledger that already holds part of it, only what is new')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'credits;db;status' {
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every column of a table, whatever the width (the lines may be longer than it)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'credits;db;copy' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'The database to copy from: a file or a postgres:// URL (it is only read)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The database to copy into: a file (made if missing) or a postgres:// URL')
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every column of a table, whatever the width (the lines may be longer than it)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'credits;db;help' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'The backend (SQLite or PostgreSQL), where the database is (password hidden), its schema version, entries and size')
            [CompletionResult]::new('copy', 'copy', [CompletionResultType]::ParameterValue, 'Copy a whole ledger (entries with their tags and price tables, accounts and plan history, top-ups, adjustments, budgets) from one database to another, SQLite or PostgreSQL. Copying again adds nothing; into a ledger that already holds part of it, only what is new')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'credits;db;help;status' {
            break
        }
        'credits;db;help;copy' {
            break
        }
        'credits;db;help;help' {
            break
        }
        'credits;completions' {
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every column of a table, whatever the width (the lines may be longer than it)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'credits;man' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Write credits.1 and one page per command (credits-log.1, credits-pricing-show.1, …) into DIR')
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every column of a table, whatever the width (the lines may be longer than it)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'credits;help' {
            [CompletionResult]::new('estimate', 'estimate', [CompletionResultType]::ParameterValue, 'What a generation costs on one model: credits, plan, per clip, per second')
            [CompletionResult]::new('calc', 'calc', [CompletionResultType]::ParameterValue, 'Price per credit, per clip and per second from your own plan numbers (no table needed)')
            [CompletionResult]::new('compare', 'compare', [CompletionResultType]::ParameterValue, 'Rank every model that can make a "standard shot" by cost per second')
            [CompletionResult]::new('plans', 'plans', [CompletionResultType]::ParameterValue, 'Which plan (or plan and packs, or pay per use) is cheapest for a month''s work')
            [CompletionResult]::new('pricing', 'pricing', [CompletionResultType]::ParameterValue, 'List, show, validate, locate and update pricing tables')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Record a generation in the log')
            [CompletionResult]::new('scan', 'scan', [CompletionResultType]::ParameterValue, 'Log the clips and images you downloaded, read from the files themselves')
            [CompletionResult]::new('fail', 'fail', [CompletionResultType]::ParameterValue, 'Mark a logged generation as failed (charged, refund not yet seen)')
            [CompletionResult]::new('refund', 'refund', [CompletionResultType]::ParameterValue, 'Mark a failed generation as refunded (credits returned); implies failed')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change an entry''s project, tags, note, kept flag or status')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Delete an entry')
            [CompletionResult]::new('reprice', 'reprice', [CompletionResultType]::ParameterValue, 'Price logged entries again from today''s tables, account and balance')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'List logged generations, newest first')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Clips, seconds, credits, refunds and money by project, platform, model, period or tag')
            [CompletionResult]::new('refunds', 'refunds', [CompletionResultType]::ParameterValue, 'Failed generations with no refund yet: credits the platforms owe you')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write the log as CSV or JSON')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Add entries from a CSV or JSON file (all or nothing; importing twice adds nothing), or what a platform billed, from its API''s JSON (--from)')
            [CompletionResult]::new('reconcile', 'reconcile', [CompletionResultType]::ParameterValue, 'Estimated (the tables) against billed (what the platform reported, `import --from`), per model and day: totals, the largest differences, what was billed but never logged, logged but never billed, and failures charged')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Fetch what a platform billed from its API (the key from an environment variable) and import it, as `import --from` would; only when run, never at start-up')
            [CompletionResult]::new('account', 'account', [CompletionResultType]::ParameterValue, 'Which plan you are on, per platform, and since when (prices what you log)')
            [CompletionResult]::new('topup', 'topup', [CompletionResultType]::ParameterValue, 'Record credits you bought: a pack from the table, or credits at a price')
            [CompletionResult]::new('adjust', 'adjust', [CompletionResultType]::ParameterValue, 'Correct a balance: signup bonus, daily reward, credits from support (or take some away)')
            [CompletionResult]::new('balance', 'balance', [CompletionResultType]::ParameterValue, 'Credits available per platform: by source, what expires next, what they buy')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'One short line for a prompt or status bar: balances, days left at this pace, budgets')
            [CompletionResult]::new('budget', 'budget', [CompletionResultType]::ParameterValue, 'Spending limits per project, in money or credits')
            [CompletionResult]::new('db', 'db', [CompletionResultType]::ParameterValue, 'The log''s database: where it is and what it holds, and copying a whole ledger to another database')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff) to stdout, or write every page into a folder')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'credits;help;estimate' {
            break
        }
        'credits;help;calc' {
            break
        }
        'credits;help;compare' {
            break
        }
        'credits;help;plans' {
            break
        }
        'credits;help;pricing' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every platform: as_of date, plans and models')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One platform: plans with price per credit, packs, models with rates and minimum plans')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check pricing files (or, with none, the shipped tables) and list every problem (exit 1 if any)')
            [CompletionResult]::new('dump', 'dump', [CompletionResultType]::ParameterValue, 'Print a table as a pricing file to start an override from (the shipped table; with --effective, as loaded with your files applied)')
            [CompletionResult]::new('dirs', 'dirs', [CompletionResultType]::ParameterValue, 'Where tables are looked for, and which files were loaded')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Where each platform''s table comes from (built-in, bundle, your file) and its date, and which models of your log have shut down since')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Install a pricing bundle from a file or URL after checking it, or remove it')
            [CompletionResult]::new('bundle', 'bundle', [CompletionResultType]::ParameterValue, 'Make a pricing bundle (one dated file) of every *.toml table in DIR')
            break
        }
        'credits;help;pricing;list' {
            break
        }
        'credits;help;pricing;show' {
            break
        }
        'credits;help;pricing;validate' {
            break
        }
        'credits;help;pricing;dump' {
            break
        }
        'credits;help;pricing;dirs' {
            break
        }
        'credits;help;pricing;status' {
            break
        }
        'credits;help;pricing;update' {
            break
        }
        'credits;help;pricing;bundle' {
            break
        }
        'credits;help;log' {
            break
        }
        'credits;help;scan' {
            break
        }
        'credits;help;fail' {
            break
        }
        'credits;help;refund' {
            break
        }
        'credits;help;edit' {
            break
        }
        'credits;help;rm' {
            break
        }
        'credits;help;reprice' {
            break
        }
        'credits;help;history' {
            break
        }
        'credits;help;report' {
            break
        }
        'credits;help;refunds' {
            break
        }
        'credits;help;export' {
            break
        }
        'credits;help;import' {
            break
        }
        'credits;help;reconcile' {
            break
        }
        'credits;help;sync' {
            break
        }
        'credits;help;account' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Record the plan you are on for a platform')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The plans you are on, with their history')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a plan change recorded by mistake (the platform and its date, as `account list` shows them); the plan before it runs on')
            break
        }
        'credits;help;account;set' {
            break
        }
        'credits;help;account;list' {
            break
        }
        'credits;help;account;rm' {
            break
        }
        'credits;help;topup' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The top-ups recorded, with their ids and the credits left of each')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a top-up recorded by mistake (e.g. twice); the balance is replayed without it')
            break
        }
        'credits;help;topup;list' {
            break
        }
        'credits;help;topup;rm' {
            break
        }
        'credits;help;adjust' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The adjustments recorded, with their ids and the credits left of each one that added some')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove an adjustment recorded by mistake; the balance is replayed without it')
            break
        }
        'credits;help;adjust;list' {
            break
        }
        'credits;help;adjust;rm' {
            break
        }
        'credits;help;balance' {
            break
        }
        'credits;help;status' {
            break
        }
        'credits;help;budget' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set (or replace) a project''s budget')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every budget with what is used and left')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Exit 3 if any budget is exceeded, 0 if none is (for scripts)')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a project''s budget (both units unless one is given)')
            break
        }
        'credits;help;budget;set' {
            break
        }
        'credits;help;budget;list' {
            break
        }
        'credits;help;budget;check' {
            break
        }
        'credits;help;budget;rm' {
            break
        }
        'credits;help;db' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'The backend (SQLite or PostgreSQL), where the database is (password hidden), its schema version, entries and size')
            [CompletionResult]::new('copy', 'copy', [CompletionResultType]::ParameterValue, 'Copy a whole ledger (entries with their tags and price tables, accounts and plan history, top-ups, adjustments, budgets) from one database to another, SQLite or PostgreSQL. Copying again adds nothing; into a ledger that already holds part of it, only what is new')
            break
        }
        'credits;help;db;status' {
            break
        }
        'credits;help;db;copy' {
            break
        }
        'credits;help;completions' {
            break
        }
        'credits;help;man' {
            break
        }
        'credits;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
