
use builtin;
use str;

set edit:completion:arg-completer[credits] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'credits'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'credits'= {
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]'
            cand --db 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]'
            cand --user 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand --wide 'Show every column of a table, whatever the width (the lines may be longer than it)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand estimate 'What a generation costs on one model: credits, plan, per clip, per second'
            cand calc 'Price per credit, per clip and per second from your own plan numbers (no table needed)'
            cand compare 'Rank every model that can make a "standard shot" by cost per second'
            cand plans 'Which plan (or plan and packs, or pay per use) is cheapest for a month''s work'
            cand pricing 'List, show, validate, locate and update pricing tables'
            cand log 'Record a generation in the log'
            cand scan 'Log the clips and images you downloaded, read from the files themselves'
            cand fail 'Mark a logged generation as failed (charged, refund not yet seen)'
            cand refund 'Mark a failed generation as refunded (credits returned); implies failed'
            cand edit 'Change an entry''s project, tags, note, kept flag or status'
            cand rm 'Delete an entry'
            cand reprice 'Price logged entries again from today''s tables, account and balance'
            cand history 'List logged generations, newest first'
            cand report 'Clips, seconds, credits, refunds and money by project, platform, model, period or tag'
            cand refunds 'Failed generations with no refund yet: credits the platforms owe you'
            cand export 'Write the log as CSV or JSON'
            cand import 'Add entries from a CSV or JSON file (all or nothing; importing twice adds nothing), or what a platform billed, from its API''s JSON (--from)'
            cand reconcile 'Estimated (the tables) against billed (what the platform reported, `import --from`), per model and day: totals, the largest differences, what was billed but never logged, logged but never billed, and failures charged'
            cand sync 'Fetch what a platform billed from its API (the key from an environment variable) and import it, as `import --from` would; only when run, never at start-up'
            cand account 'Which plan you are on, per platform, and since when (prices what you log)'
            cand topup 'Record credits you bought: a pack from the table, or credits at a price'
            cand adjust 'Correct a balance: signup bonus, daily reward, credits from support (or take some away)'
            cand balance 'Credits available per platform: by source, what expires next, what they buy'
            cand status 'One short line for a prompt or status bar: balances, days left at this pace, budgets'
            cand budget 'Spending limits per project, in money or credits'
            cand db 'The log''s database: where it is and what it holds, and copying a whole ledger to another database'
            cand completions 'Print a shell completion script'
            cand man 'Print the man page (roff) to stdout, or write every page into a folder'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'credits;estimate'= {
            cand --duration 'Seconds of output per generation: 10, 2.5, 10s, 1m30s'
            cand --resolution 'Output resolution, e.g. 720p, 1080p, 4k, 1024x1024 (a bare 1080 is read as 1080p)'
            cand --refs 'Number of reference images'
            cand --mode 'Model mode or quality, e.g. standard, pro, low, high'
            cand --chars 'Characters of input (text to speech)'
            cand --count 'How many generations'
            cand --plan 'Price the credits with this plan (and say whether it allows the request)'
            cand --billing 'Monthly or annual billing of the plan [default: your account''s, else monthly]'
            cand --price-per-credit 'Your own price per credit, overriding the plan''s'
            cand --shots 'Price a whole shot list (TOML with [[shot]] tables) instead of one request'
            cand --project 'Project whose budgets to check (warns past the budget_warn shares, 50/75/90% by default, and over) [default: CREDITS_PROJECT, or `project` in the config file]'
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]'
            cand --db 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]'
            cand --user 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead'
            cand --audio 'Generate sound with the video'
            cand --upscale 'Upscale the output'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand --wide 'Show every column of a table, whatever the width (the lines may be longer than it)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'credits;calc'= {
            cand --plan-price 'What the plan or pack costs, e.g. 30'
            cand --plan-credits 'Credits it includes, e.g. 3000'
            cand --clip-credits 'Credits one clip uses, e.g. 50'
            cand --seconds 'Seconds of video in the clip, for the cost per second: 10, 2.5, 10s, 1m30s'
            cand --currency 'Currency of the plan price'
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]'
            cand --db 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]'
            cand --user 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand --wide 'Show every column of a table, whatever the width (the lines may be longer than it)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'credits;compare'= {
            cand --duration 'Seconds of the standard shot: 10, 2.5, 10s, 1m30s'
            cand --resolution 'Resolution of the standard shot (720p, 1080p, 4k; a bare 1080 is read as 1080p)'
            cand --mode 'Model mode, where models have modes'
            cand --kind 'What to compare'
            cand --platform 'Only these platforms (repeatable)'
            cand --max-plan 'Only plans up to this one (by name on each platform; `free` means free tiers)'
            cand --billing 'Monthly or annual billing of the plans'
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]'
            cand --db 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]'
            cand --user 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead'
            cand --audio 'The shot has sound'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand --wide 'Show every column of a table, whatever the width (the lines may be longer than it)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'credits;plans'= {
            cand --usage 'A month''s work, e.g. "40x gen-4 10s, 100x image" (repeatable; see below)'
            cand --shots 'A shot list (as `estimate --shots`), made --times times a month'
            cand --times 'How many times a month the shot list is made'
            cand --since 'With --from-log: the window read (a date, or 30d / 8w ago), scaled to a month [default: 30d]'
            cand --retries 'Extra generations per 100 kept outputs: retries, reruns, failures [default: the log''s with --from-log, else 0]'
            cand --platform 'Only these platforms (repeatable)'
            cand --kind 'Only options bought this way'
            cand --billing 'Only plans billed this way (pay-per-use and packs are kept)'
            cand --top 'Show the N cheapest options'
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]'
            cand --db 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]'
            cand --user 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead'
            cand --from-log 'What your log shows you made: kept outputs, and the retry rate it measures'
            cand --any-model 'Let any model of the same kind make a named model''s items (compare across platforms)'
            cand --explain 'Show the working for the cheapest option (credits per item × count, prices, leftover)'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand --wide 'Show every column of a table, whatever the width (the lines may be longer than it)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'credits;pricing'= {
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]'
            cand --db 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]'
            cand --user 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand --wide 'Show every column of a table, whatever the width (the lines may be longer than it)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'Every platform: as_of date, plans and models'
            cand show 'One platform: plans with price per credit, packs, models with rates and minimum plans'
            cand validate 'Check pricing files (or, with none, the shipped tables) and list every problem (exit 1 if any)'
            cand dump 'Print a table as a pricing file to start an override from (the shipped table; with --effective, as loaded with your files applied)'
            cand dirs 'Where tables are looked for, and which files were loaded'
            cand status 'Where each platform''s table comes from (built-in, bundle, your file) and its date, and which models of your log have shut down since'
            cand update 'Install a pricing bundle from a file or URL after checking it, or remove it'
            cand bundle 'Make a pricing bundle (one dated file) of every *.toml table in DIR'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'credits;pricing;list'= {
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]'
            cand --db 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]'
            cand --user 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand --wide 'Show every column of a table, whatever the width (the lines may be longer than it)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'credits;pricing;show'= {
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]'
            cand --db 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]'
            cand --user 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand --wide 'Show every column of a table, whatever the width (the lines may be longer than it)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'credits;pricing;validate'= {
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]'
            cand --db 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]'
            cand --user 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead'
            cand --strict 'Also require sources, grades, dates and the sanity rules'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand --wide 'Show every column of a table, whatever the width (the lines may be longer than it)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'credits;pricing;dump'= {
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]'
            cand --db 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]'
            cand --user 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead'
            cand --effective 'The table as loaded, with your files'' patches applied'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand --wide 'Show every column of a table, whatever the width (the lines may be longer than it)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'credits;pricing;dirs'= {
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]'
            cand --db 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]'
            cand --user 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand --wide 'Show every column of a table, whatever the width (the lines may be longer than it)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'credits;pricing;status'= {
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]'
            cand --db 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]'
            cand --user 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead'
            cand --stale 'Instead: every table and model by the date of its newest source, oldest first (where a refresh of the prices starts)'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand --wide 'Show every column of a table, whatever the width (the lines may be longer than it)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'credits;pricing;update'= {
            cand --from 'The bundle: a file, or an https:// URL (plain http:// only to 127.0.0.1, ::1 or localhost)'
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]'
            cand --db 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]'
            cand --user 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead'
            cand --force 'Install a bundle even if it is older than the built-in tables'
            cand --remove 'Remove the installed bundle: the built-in tables apply again'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand --wide 'Show every column of a table, whatever the width (the lines may be longer than it)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'credits;pricing;bundle'= {
            cand -o 'The bundle file to write'
            cand --output 'The bundle file to write'
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]'
            cand --db 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]'
            cand --user 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand --wide 'Show every column of a table, whatever the width (the lines may be longer than it)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'credits;pricing;help'= {
            cand list 'Every platform: as_of date, plans and models'
            cand show 'One platform: plans with price per credit, packs, models with rates and minimum plans'
            cand validate 'Check pricing files (or, with none, the shipped tables) and list every problem (exit 1 if any)'
            cand dump 'Print a table as a pricing file to start an override from (the shipped table; with --effective, as loaded with your files applied)'
            cand dirs 'Where tables are looked for, and which files were loaded'
            cand status 'Where each platform''s table comes from (built-in, bundle, your file) and its date, and which models of your log have shut down since'
            cand update 'Install a pricing bundle from a file or URL after checking it, or remove it'
            cand bundle 'Make a pricing bundle (one dated file) of every *.toml table in DIR'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'credits;pricing;help;list'= {
        }
        &'credits;pricing;help;show'= {
        }
        &'credits;pricing;help;validate'= {
        }
        &'credits;pricing;help;dump'= {
        }
        &'credits;pricing;help;dirs'= {
        }
        &'credits;pricing;help;status'= {
        }
        &'credits;pricing;help;update'= {
        }
        &'credits;pricing;help;bundle'= {
        }
        &'credits;pricing;help;help'= {
        }
        &'credits;log'= {
            cand --duration 'Seconds of output per generation: 10, 2.5, 10s, 1m30s'
            cand --resolution 'Output resolution, e.g. 720p, 1080p, 4k, 1024x1024 (a bare 1080 is read as 1080p)'
            cand --refs 'Number of reference images'
            cand --mode 'Model mode or quality, e.g. standard, pro, low, high'
            cand --chars 'Characters of input (text to speech)'
            cand --count 'How many generations'
            cand --project 'Project [default: CREDITS_PROJECT, or `project` in config.toml in your config folder: $XDG_CONFIG_HOME/credits, else ~/.config/credits on Linux]'
            cand --tag 'A tag, e.g. client=acme (repeatable)'
            cand --credits 'Credits the platform actually charged (overrides the table; logs unknown models)'
            cand --at 'When it ran (2026-11-21 15:00, RFC 3339, a date, yesterday, 3d) [default: now]'
            cand --note 'A note'
            cand --plan 'Price the money with this plan instead of your account''s'
            cand --price-per-credit 'Your own price per credit for this entry'
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]'
            cand --db 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]'
            cand --user 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead'
            cand --audio 'Generate sound with the video'
            cand --upscale 'Upscale the output'
            cand --failed 'The generation failed (charged, refund not yet seen)'
            cand --discarded 'The output was not used (a rerun or discarded variation)'
            cand --strict-budget 'Refuse the entry (exit 3) if it takes its project over a budget [default: `strict_budget` in the config file]'
            cand --force 'Accept an --at more than a day in the future'
            cand --allow-future 'Accept an --at more than a day in the future'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand --wide 'Show every column of a table, whatever the width (the lines may be longer than it)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'credits;scan'= {
            cand --platform 'The platform of every file (else: the file''s C2PA manifest, its name, then `[scan]` in the config file)'
            cand --model 'The model of every file (else: the file''s C2PA manifest, its name, then `[scan]` in the config file)'
            cand --project 'Project [default: the `[scan]` folder''s `project`, else the mapped folder''s name, else the name of the folder holding the file]'
            cand --tag 'A tag for every entry, e.g. client=acme (repeatable)'
            cand --mode 'Model mode or quality of every file, e.g. standard, pro [default: the `[scan]` folder''s `mode`, else the cheapest, and said]'
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]'
            cand --db 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]'
            cand --user 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead'
            cand --dry-run 'List what would be logged, and why, without writing anything'
            cand --no-audio-price 'Log a clip with a sound track at its model''s price without audio when the table has no price for audio (the sound was added later), saying so in the entry''s note [default: the `[scan]` folder''s `no_audio_price`]'
            cand --watch 'Keep running: log each new file once it has finished downloading, until interrupted'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand --wide 'Show every column of a table, whatever the width (the lines may be longer than it)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'credits;fail'= {
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]'
            cand --db 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]'
            cand --user 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead'
            cand --force 'Also when the entry was refunded (undoes the refund)'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand --wide 'Show every column of a table, whatever the width (the lines may be longer than it)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'credits;refund'= {
            cand --at 'When the credits came back (2026-11-21 15:00, RFC 3339, a date, yesterday, 3d) [default: now]'
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]'
            cand --db 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]'
            cand --user 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead'
            cand --force 'Also refund an entry marked ok (it succeeded), and accept an --at more than a day in the future'
            cand --allow-future 'Accept an --at more than a day in the future'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand --wide 'Show every column of a table, whatever the width (the lines may be longer than it)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'credits;edit'= {
            cand --project 'New project (empty string clears it)'
            cand --tag 'Set a tag K=V (repeatable)'
            cand --untag 'Remove a tag by key (repeatable)'
            cand --note 'New note (empty string clears it)'
            cand --status 'Set the status: ok, failed or refunded (undoes a wrong `fail` or `refund`)'
            cand --at 'With --status refunded: when the credits came back (a time, date or 3d) [default: now]'
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]'
            cand --db 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]'
            cand --user 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead'
            cand --kept 'Mark the output as used'
            cand --discarded 'Mark the output as not used'
            cand --force 'Accept an --at more than a day in the future'
            cand --allow-future 'Accept an --at more than a day in the future'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand --wide 'Show every column of a table, whatever the width (the lines may be longer than it)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'credits;rm'= {
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]'
            cand --db 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]'
            cand --user 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand --wide 'Show every column of a table, whatever the width (the lines may be longer than it)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'credits;reprice'= {
            cand --project 'Only this project'
            cand --platform 'Only this platform'
            cand --model 'Only this model'
            cand --tag 'Only entries with this tag (K=V, repeatable: all must match)'
            cand --status 'Only this status'
            cand --since 'From this date or time (2026-11-21, 2026-11-21 15:00, RFC 3339, today, yesterday, or 7d / 2w / 3m ago)'
            cand --until 'Up to this date or time (the same forms; a date includes its whole day)'
            cand --user 'Only entries logged by this user (the global --user, as a filter here)'
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]'
            cand --db 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]'
            cand --dry-run 'Show what would change without writing'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand --wide 'Show every column of a table, whatever the width (the lines may be longer than it)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'credits;history'= {
            cand --project 'Only this project'
            cand --platform 'Only this platform'
            cand --model 'Only this model'
            cand --tag 'Only entries with this tag (K=V, repeatable: all must match)'
            cand --status 'Only this status'
            cand --since 'From this date or time (2026-11-21, 2026-11-21 15:00, RFC 3339, today, yesterday, or 7d / 2w / 3m ago)'
            cand --until 'Up to this date or time (the same forms; a date includes its whole day)'
            cand --user 'Only entries logged by this user (the global --user, as a filter here)'
            cand --limit 'At most N entries'
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]'
            cand --db 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]'
            cand --csv 'CSV instead of a table'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand --wide 'Show every column of a table, whatever the width (the lines may be longer than it)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'credits;report'= {
            cand --by 'Group by project, platform, model, day, week, month, user or tag:KEY (repeatable, in order)'
            cand --project 'Only this project'
            cand --platform 'Only this platform'
            cand --model 'Only this model'
            cand --tag 'Only entries with this tag (K=V, repeatable: all must match)'
            cand --status 'Only this status'
            cand --since 'From this date or time (2026-11-21, 2026-11-21 15:00, RFC 3339, today, yesterday, or 7d / 2w / 3m ago)'
            cand --until 'Up to this date or time (the same forms; a date includes its whole day)'
            cand --user 'Only entries logged by this user (the global --user, as a filter here)'
            cand --chart 'Draw spend over time as bars, one line per period of the --by day, week or month (money by default; `--chart credits`: credits, per platform)'
            cand --top 'With --chart: the N largest groups get a series of their own, the rest are "other" (1-9)'
            cand --html 'Write a cost sheet for a client to FILE (`-`: standard output): one self-contained HTML page (every entry, totals per model and per day, a chart, the pricing sources), for the filters given'
            cand --markup 'With --html: add a markup to what is billed, in percent (15 for 15%)'
            cand --rate 'With --html: convert what is billed at a rate you give, with its date: EUR=0.92@2026-12-01 (1 unit of the log''s currency = 0.92 EUR)'
            cand --cost 'Which money: `estimated` (the tables'' price of what you logged, the default), `billed` (what the platforms reported, `import --from`), or `best` (billed where known, estimated elsewhere)'
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]'
            cand --db 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]'
            cand --csv 'CSV instead of a table: one record per row, no total (a pivot table would count it twice)'
            cand --total 'With --csv: end with a TOTAL record'
            cand --ascii 'With --chart: draw with ASCII characters only (the default where the locale is not UTF-8)'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand --wide 'Show every column of a table, whatever the width (the lines may be longer than it)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'credits;refunds'= {
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]'
            cand --db 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]'
            cand --user 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand --wide 'Show every column of a table, whatever the width (the lines may be longer than it)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'credits;export'= {
            cand --format 'Output format'
            cand -o 'Write to FILE instead of stdout'
            cand --output 'Write to FILE instead of stdout'
            cand --project 'Only this project'
            cand --platform 'Only this platform'
            cand --model 'Only this model'
            cand --tag 'Only entries with this tag (K=V, repeatable: all must match)'
            cand --status 'Only this status'
            cand --since 'From this date or time (2026-11-21, 2026-11-21 15:00, RFC 3339, today, yesterday, or 7d / 2w / 3m ago)'
            cand --until 'Up to this date or time (the same forms; a date includes its whole day)'
            cand --user 'Only entries logged by this user (the global --user, as a filter here)'
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]'
            cand --db 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand --wide 'Show every column of a table, whatever the width (the lines may be longer than it)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'credits;import'= {
            cand --from 'Read the file as this platform''s billing export (its API''s JSON): kept beside the tables'' estimate, matched to what you logged'
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]'
            cand --db 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]'
            cand --user 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand --wide 'Show every column of a table, whatever the width (the lines may be longer than it)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'credits;reconcile'= {
            cand --since 'From this day (2026-11-21, today, yesterday, or 7d / 2w / 3m ago); days are UTC, as the platforms bill them'
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]'
            cand --db 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]'
            cand --user 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand --wide 'Show every column of a table, whatever the width (the lines may be longer than it)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'credits;sync'= {
            cand --since 'From this day or time (2026-11-01, 7d, 2w) [default: 30 days ago]'
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]'
            cand --db 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]'
            cand --user 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand --wide 'Show every column of a table, whatever the width (the lines may be longer than it)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'credits;account'= {
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]'
            cand --db 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]'
            cand --user 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand --wide 'Show every column of a table, whatever the width (the lines may be longer than it)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand set 'Record the plan you are on for a platform'
            cand list 'The plans you are on, with their history'
            cand rm 'Remove a plan change recorded by mistake (the platform and its date, as `account list` shows them); the plan before it runs on'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'credits;account;set'= {
            cand --plan 'Plan id or name'
            cand --billing 'Monthly or annual billing'
            cand --since 'The date the plan''s credits are tracked from (or the change takes effect): 2026-11-01, today, yesterday, 3d [default: --subscribed, else today]. Not when the subscription began: a first-period promotion needs --subscribed'
            cand --subscribed 'The date the subscription began, on or before --since: a first-period (new-subscriber) promotion applies when --since falls in the period from this date to the first renewal, and a monthly plan renews on this day'
            cand --renews-on 'Day of the month the plan renews (1-31) [default: the day of --subscribed, else of --since]'
            cand --price 'What you really pay per billing period (a month, or a year with --billing annual), in the platform''s currency, when it is not the table''s list price (a discount, taxes, a regional price) or the table does not give one'
            cand --credits 'Credits the plan gives each grant period, when the table does not say (or says otherwise)'
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]'
            cand --db 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]'
            cand --user 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand --wide 'Show every column of a table, whatever the width (the lines may be longer than it)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'credits;account;list'= {
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]'
            cand --db 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]'
            cand --user 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand --wide 'Show every column of a table, whatever the width (the lines may be longer than it)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'credits;account;rm'= {
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]'
            cand --db 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]'
            cand --user 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead'
            cand --force 'Also when generations were already paid from its credits (the balance goes below zero)'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand --wide 'Show every column of a table, whatever the width (the lines may be longer than it)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'credits;account;help'= {
            cand set 'Record the plan you are on for a platform'
            cand list 'The plans you are on, with their history'
            cand rm 'Remove a plan change recorded by mistake (the platform and its date, as `account list` shows them); the plan before it runs on'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'credits;account;help;set'= {
        }
        &'credits;account;help;list'= {
        }
        &'credits;account;help;rm'= {
        }
        &'credits;account;help;help'= {
        }
        &'credits;topup'= {
            cand --pack 'A pack from the platform''s table (`credits pricing show PLATFORM` lists them)'
            cand --credits 'Credits bought, when the purchase is not a pack in the table (needs --price)'
            cand --price 'What you paid for --credits (or for --pack, when not the table''s price), in the platform''s currency'
            cand --expires-in 'Days until the credits expire [default: the pack''s expiry; for --credits, the table''s packs'' expiry, when they agree]'
            cand --at 'When you bought them (2026-11-21 15:00, RFC 3339, a date, yesterday, 3d) [default: now]'
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]'
            cand --db 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]'
            cand --user 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead'
            cand --never-expires 'The credits never expire (--credits, or a pack whose table says otherwise)'
            cand --force 'Accept an --at more than a day in the future'
            cand --allow-future 'Accept an --at more than a day in the future'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand --wide 'Show every column of a table, whatever the width (the lines may be longer than it)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'The top-ups recorded, with their ids and the credits left of each'
            cand rm 'Remove a top-up recorded by mistake (e.g. twice); the balance is replayed without it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'credits;topup;list'= {
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]'
            cand --db 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]'
            cand --user 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand --wide 'Show every column of a table, whatever the width (the lines may be longer than it)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'credits;topup;rm'= {
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]'
            cand --db 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]'
            cand --user 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead'
            cand --force 'Also when generations were already paid from its credits (the balance goes below zero)'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand --wide 'Show every column of a table, whatever the width (the lines may be longer than it)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'credits;topup;help'= {
            cand list 'The top-ups recorded, with their ids and the credits left of each'
            cand rm 'Remove a top-up recorded by mistake (e.g. twice); the balance is replayed without it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'credits;topup;help;list'= {
        }
        &'credits;topup;help;rm'= {
        }
        &'credits;topup;help;help'= {
        }
        &'credits;adjust'= {
            cand --note 'Why, e.g. "signup bonus", "daily reward", "support refund"'
            cand --at 'When (2026-11-21 15:00, RFC 3339, a date, yesterday, 3d) [default: now]'
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]'
            cand --db 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]'
            cand --user 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead'
            cand --force 'Take credits away even if the balance goes below zero'
            cand --allow-future 'Accept an --at more than a day in the future (--force here is about the balance)'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand --wide 'Show every column of a table, whatever the width (the lines may be longer than it)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'The adjustments recorded, with their ids and the credits left of each one that added some'
            cand rm 'Remove an adjustment recorded by mistake; the balance is replayed without it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'credits;adjust;list'= {
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]'
            cand --db 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]'
            cand --user 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand --wide 'Show every column of a table, whatever the width (the lines may be longer than it)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'credits;adjust;rm'= {
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]'
            cand --db 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]'
            cand --user 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead'
            cand --force 'Also when generations were already paid from its credits (the balance goes below zero)'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand --wide 'Show every column of a table, whatever the width (the lines may be longer than it)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'credits;adjust;help'= {
            cand list 'The adjustments recorded, with their ids and the credits left of each one that added some'
            cand rm 'Remove an adjustment recorded by mistake; the balance is replayed without it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'credits;adjust;help;list'= {
        }
        &'credits;adjust;help;rm'= {
        }
        &'credits;adjust;help;help'= {
        }
        &'credits;balance'= {
            cand --as-of 'The balance at this date or time (a date means the end of that day) [default: now]'
            cand --expect 'Check the ledger against the balance the platform shows (N credits): exit 0 when they match; otherwise the difference, its likely causes and the `credits adjust` that would reconcile it, exit 3. The check is kept: `balance` and `history` show the last one'
            cand --at 'When the platform showed --expect (a date means the end of that day, today''s now) [default: now]'
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]'
            cand --db 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]'
            cand --user 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand --wide 'Show every column of a table, whatever the width (the lines may be longer than it)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'credits;status'= {
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]'
            cand --db 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]'
            cand --user 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand --wide 'Show every column of a table, whatever the width (the lines may be longer than it)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'credits;budget'= {
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]'
            cand --db 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]'
            cand --user 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand --wide 'Show every column of a table, whatever the width (the lines may be longer than it)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand set 'Set (or replace) a project''s budget'
            cand list 'Every budget with what is used and left'
            cand check 'Exit 3 if any budget is exceeded, 0 if none is (for scripts)'
            cand rm 'Remove a project''s budget (both units unless one is given)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'credits;budget;set'= {
            cand --platform 'The platform whose credits a credits budget counts'
            cand --period 'Count per calendar month, or everything logged'
            cand --currency 'Currency of a money budget'
            cand --for 'Count only the entries NAME logged (their `logged_by`): one person''s budget on a shared ledger, beside the team''s [default: everyone''s]'
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]'
            cand --db 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]'
            cand --user 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead'
            cand --money 'AMOUNT is money (in --currency)'
            cand --credits 'AMOUNT is credits (of --platform: credits of different platforms never add up)'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand --wide 'Show every column of a table, whatever the width (the lines may be longer than it)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'credits;budget;list'= {
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]'
            cand --db 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]'
            cand --user 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand --wide 'Show every column of a table, whatever the width (the lines may be longer than it)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'credits;budget;check'= {
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]'
            cand --db 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]'
            cand --user 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand --wide 'Show every column of a table, whatever the width (the lines may be longer than it)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'credits;budget;rm'= {
            cand --platform 'Only the credits budget of this platform'
            cand --for 'Only NAME''s budget (set with `budget set … --for NAME`)'
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]'
            cand --db 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]'
            cand --user 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead'
            cand --money 'Only the money budget'
            cand --credits 'Only the credits budget(s)'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand --wide 'Show every column of a table, whatever the width (the lines may be longer than it)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'credits;budget;help'= {
            cand set 'Set (or replace) a project''s budget'
            cand list 'Every budget with what is used and left'
            cand check 'Exit 3 if any budget is exceeded, 0 if none is (for scripts)'
            cand rm 'Remove a project''s budget (both units unless one is given)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'credits;budget;help;set'= {
        }
        &'credits;budget;help;list'= {
        }
        &'credits;budget;help;check'= {
        }
        &'credits;budget;help;rm'= {
        }
        &'credits;budget;help;help'= {
        }
        &'credits;db'= {
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]'
            cand --db 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]'
            cand --user 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand --wide 'Show every column of a table, whatever the width (the lines may be longer than it)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand status 'The backend (SQLite or PostgreSQL), where the database is (password hidden), its schema version, entries and size'
            cand copy 'Copy a whole ledger (entries with their tags and price tables, accounts and plan history, top-ups, adjustments, budgets) from one database to another, SQLite or PostgreSQL. Copying again adds nothing; into a ledger that already holds part of it, only what is new'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'credits;db;status'= {
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]'
            cand --db 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]'
            cand --user 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand --wide 'Show every column of a table, whatever the width (the lines may be longer than it)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'credits;db;copy'= {
            cand --from 'The database to copy from: a file or a postgres:// URL (it is only read)'
            cand --to 'The database to copy into: a file (made if missing) or a postgres:// URL'
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]'
            cand --db 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]'
            cand --user 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand --wide 'Show every column of a table, whatever the width (the lines may be longer than it)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'credits;db;help'= {
            cand status 'The backend (SQLite or PostgreSQL), where the database is (password hidden), its schema version, entries and size'
            cand copy 'Copy a whole ledger (entries with their tags and price tables, accounts and plan history, top-ups, adjustments, budgets) from one database to another, SQLite or PostgreSQL. Copying again adds nothing; into a ledger that already holds part of it, only what is new'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'credits;db;help;status'= {
        }
        &'credits;db;help;copy'= {
        }
        &'credits;db;help;help'= {
        }
        &'credits;completions'= {
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]'
            cand --db 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]'
            cand --user 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand --wide 'Show every column of a table, whatever the width (the lines may be longer than it)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'credits;man'= {
            cand --dir 'Write credits.1 and one page per command (credits-log.1, credits-pricing-show.1, …) into DIR'
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir) [env: CREDITS_PRICING_DIR]'
            cand --db 'The generation log: a SQLite file, or a studio ledger''s URL, postgres://user@host/db (see the README, "A ledger for a studio") [default: the user data dir''s credits.db] [env: CREDITS_DB]'
            cand --user 'Who records what this command logs (entries, top-ups, adjustments, plan changes) [default: CREDITS_USER, `user` in the config file, else the login name]. On history, report, export and reprice it picks whose entries instead'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand --wide 'Show every column of a table, whatever the width (the lines may be longer than it)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'credits;help'= {
            cand estimate 'What a generation costs on one model: credits, plan, per clip, per second'
            cand calc 'Price per credit, per clip and per second from your own plan numbers (no table needed)'
            cand compare 'Rank every model that can make a "standard shot" by cost per second'
            cand plans 'Which plan (or plan and packs, or pay per use) is cheapest for a month''s work'
            cand pricing 'List, show, validate, locate and update pricing tables'
            cand log 'Record a generation in the log'
            cand scan 'Log the clips and images you downloaded, read from the files themselves'
            cand fail 'Mark a logged generation as failed (charged, refund not yet seen)'
            cand refund 'Mark a failed generation as refunded (credits returned); implies failed'
            cand edit 'Change an entry''s project, tags, note, kept flag or status'
            cand rm 'Delete an entry'
            cand reprice 'Price logged entries again from today''s tables, account and balance'
            cand history 'List logged generations, newest first'
            cand report 'Clips, seconds, credits, refunds and money by project, platform, model, period or tag'
            cand refunds 'Failed generations with no refund yet: credits the platforms owe you'
            cand export 'Write the log as CSV or JSON'
            cand import 'Add entries from a CSV or JSON file (all or nothing; importing twice adds nothing), or what a platform billed, from its API''s JSON (--from)'
            cand reconcile 'Estimated (the tables) against billed (what the platform reported, `import --from`), per model and day: totals, the largest differences, what was billed but never logged, logged but never billed, and failures charged'
            cand sync 'Fetch what a platform billed from its API (the key from an environment variable) and import it, as `import --from` would; only when run, never at start-up'
            cand account 'Which plan you are on, per platform, and since when (prices what you log)'
            cand topup 'Record credits you bought: a pack from the table, or credits at a price'
            cand adjust 'Correct a balance: signup bonus, daily reward, credits from support (or take some away)'
            cand balance 'Credits available per platform: by source, what expires next, what they buy'
            cand status 'One short line for a prompt or status bar: balances, days left at this pace, budgets'
            cand budget 'Spending limits per project, in money or credits'
            cand db 'The log''s database: where it is and what it holds, and copying a whole ledger to another database'
            cand completions 'Print a shell completion script'
            cand man 'Print the man page (roff) to stdout, or write every page into a folder'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'credits;help;estimate'= {
        }
        &'credits;help;calc'= {
        }
        &'credits;help;compare'= {
        }
        &'credits;help;plans'= {
        }
        &'credits;help;pricing'= {
            cand list 'Every platform: as_of date, plans and models'
            cand show 'One platform: plans with price per credit, packs, models with rates and minimum plans'
            cand validate 'Check pricing files (or, with none, the shipped tables) and list every problem (exit 1 if any)'
            cand dump 'Print a table as a pricing file to start an override from (the shipped table; with --effective, as loaded with your files applied)'
            cand dirs 'Where tables are looked for, and which files were loaded'
            cand status 'Where each platform''s table comes from (built-in, bundle, your file) and its date, and which models of your log have shut down since'
            cand update 'Install a pricing bundle from a file or URL after checking it, or remove it'
            cand bundle 'Make a pricing bundle (one dated file) of every *.toml table in DIR'
        }
        &'credits;help;pricing;list'= {
        }
        &'credits;help;pricing;show'= {
        }
        &'credits;help;pricing;validate'= {
        }
        &'credits;help;pricing;dump'= {
        }
        &'credits;help;pricing;dirs'= {
        }
        &'credits;help;pricing;status'= {
        }
        &'credits;help;pricing;update'= {
        }
        &'credits;help;pricing;bundle'= {
        }
        &'credits;help;log'= {
        }
        &'credits;help;scan'= {
        }
        &'credits;help;fail'= {
        }
        &'credits;help;refund'= {
        }
        &'credits;help;edit'= {
        }
        &'credits;help;rm'= {
        }
        &'credits;help;reprice'= {
        }
        &'credits;help;history'= {
        }
        &'credits;help;report'= {
        }
        &'credits;help;refunds'= {
        }
        &'credits;help;export'= {
        }
        &'credits;help;import'= {
        }
        &'credits;help;reconcile'= {
        }
        &'credits;help;sync'= {
        }
        &'credits;help;account'= {
            cand set 'Record the plan you are on for a platform'
            cand list 'The plans you are on, with their history'
            cand rm 'Remove a plan change recorded by mistake (the platform and its date, as `account list` shows them); the plan before it runs on'
        }
        &'credits;help;account;set'= {
        }
        &'credits;help;account;list'= {
        }
        &'credits;help;account;rm'= {
        }
        &'credits;help;topup'= {
            cand list 'The top-ups recorded, with their ids and the credits left of each'
            cand rm 'Remove a top-up recorded by mistake (e.g. twice); the balance is replayed without it'
        }
        &'credits;help;topup;list'= {
        }
        &'credits;help;topup;rm'= {
        }
        &'credits;help;adjust'= {
            cand list 'The adjustments recorded, with their ids and the credits left of each one that added some'
            cand rm 'Remove an adjustment recorded by mistake; the balance is replayed without it'
        }
        &'credits;help;adjust;list'= {
        }
        &'credits;help;adjust;rm'= {
        }
        &'credits;help;balance'= {
        }
        &'credits;help;status'= {
        }
        &'credits;help;budget'= {
            cand set 'Set (or replace) a project''s budget'
            cand list 'Every budget with what is used and left'
            cand check 'Exit 3 if any budget is exceeded, 0 if none is (for scripts)'
            cand rm 'Remove a project''s budget (both units unless one is given)'
        }
        &'credits;help;budget;set'= {
        }
        &'credits;help;budget;list'= {
        }
        &'credits;help;budget;check'= {
        }
        &'credits;help;budget;rm'= {
        }
        &'credits;help;db'= {
            cand status 'The backend (SQLite or PostgreSQL), where the database is (password hidden), its schema version, entries and size'
            cand copy 'Copy a whole ledger (entries with their tags and price tables, accounts and plan history, top-ups, adjustments, budgets) from one database to another, SQLite or PostgreSQL. Copying again adds nothing; into a ledger that already holds part of it, only what is new'
        }
        &'credits;help;db;status'= {
        }
        &'credits;help;db;copy'= {
        }
        &'credits;help;completions'= {
        }
        &'credits;help;man'= {
        }
        &'credits;help;help'= {
        }
    ]
    $completions[$command]
}
