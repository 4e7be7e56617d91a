
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
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir)'
            cand --db 'The generation log database [default: the user data dir''s credits.db]'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand estimate 'What a generation costs on one model: credits, plan, per clip, per second'
            cand calc 'Seed 002''s spreadsheet: price per credit, per clip and per second, no table needed'
            cand compare 'Rank every model that can make a "standard shot" by cost per second'
            cand pricing 'List, show, validate and locate pricing tables'
            cand completions 'Print a shell completion script'
            cand man 'Print the man page (roff) to stdout'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'credits;estimate'= {
            cand --duration 'Seconds of output per generation'
            cand --resolution 'Output resolution, e.g. 720p, 1080p, 4k'
            cand --refs 'Number of reference images'
            cand --mode 'Model mode or quality, e.g. standard, pro, low, high'
            cand --chars 'Characters of input (text to speech)'
            cand --count 'How many generations'
            cand --plan 'Price the credits with this plan (and say whether it allows the request)'
            cand --billing 'Monthly or annual billing of the plan'
            cand --price-per-credit 'Your own price per credit, overriding the plan''s'
            cand --shots 'Price a whole shot list (TOML with [[shot]] tables) instead of one request'
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir)'
            cand --db 'The generation log database [default: the user data dir''s credits.db]'
            cand --audio 'Generate sound with the video'
            cand --upscale 'Upscale the output'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'credits;calc'= {
            cand --plan-price 'What the plan or pack costs, e.g. 30'
            cand --plan-credits 'Credits it includes, e.g. 3000'
            cand --clip-credits 'Credits one clip uses, e.g. 50'
            cand --seconds 'Seconds of video in the clip, for the cost per second'
            cand --currency 'Currency of the plan price'
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir)'
            cand --db 'The generation log database [default: the user data dir''s credits.db]'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'credits;compare'= {
            cand --duration 'Seconds of the standard shot'
            cand --resolution 'Resolution of the standard shot'
            cand --mode 'Model mode, where models have modes'
            cand --kind 'What to compare'
            cand --platform 'Only these platforms (repeatable)'
            cand --max-plan 'Only plans up to this one (by name on each platform; `free` means free tiers)'
            cand --billing 'Monthly or annual billing of the plans'
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir)'
            cand --db 'The generation log database [default: the user data dir''s credits.db]'
            cand --audio 'The shot has sound'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'credits;pricing'= {
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir)'
            cand --db 'The generation log database [default: the user data dir''s credits.db]'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'Every platform: as_of date, plans and models'
            cand show 'One platform: plans with price per credit, packs, models with rates and minimum plans'
            cand validate 'Check pricing files and list every problem (exit 1 if any)'
            cand dirs 'Where tables are looked for, and which files were loaded'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'credits;pricing;list'= {
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir)'
            cand --db 'The generation log database [default: the user data dir''s credits.db]'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'credits;pricing;show'= {
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir)'
            cand --db 'The generation log database [default: the user data dir''s credits.db]'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'credits;pricing;validate'= {
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir)'
            cand --db 'The generation log database [default: the user data dir''s credits.db]'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'credits;pricing;dirs'= {
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir)'
            cand --db 'The generation log database [default: the user data dir''s credits.db]'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'credits;pricing;help'= {
            cand list 'Every platform: as_of date, plans and models'
            cand show 'One platform: plans with price per credit, packs, models with rates and minimum plans'
            cand validate 'Check pricing files and list every problem (exit 1 if any)'
            cand dirs 'Where tables are looked for, and which files were loaded'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'credits;pricing;help;list'= {
        }
        &'credits;pricing;help;show'= {
        }
        &'credits;pricing;help;validate'= {
        }
        &'credits;pricing;help;dirs'= {
        }
        &'credits;pricing;help;help'= {
        }
        &'credits;completions'= {
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir)'
            cand --db 'The generation log database [default: the user data dir''s credits.db]'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'credits;man'= {
            cand --pricing-dir 'Also load every *.toml pricing table in DIR (after the user config dir)'
            cand --db 'The generation log database [default: the user data dir''s credits.db]'
            cand --json 'Print JSON instead of a table (exact decimals as strings)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'credits;help'= {
            cand estimate 'What a generation costs on one model: credits, plan, per clip, per second'
            cand calc 'Seed 002''s spreadsheet: price per credit, per clip and per second, no table needed'
            cand compare 'Rank every model that can make a "standard shot" by cost per second'
            cand pricing 'List, show, validate and locate pricing tables'
            cand completions 'Print a shell completion script'
            cand man 'Print the man page (roff) to stdout'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'credits;help;estimate'= {
        }
        &'credits;help;calc'= {
        }
        &'credits;help;compare'= {
        }
        &'credits;help;pricing'= {
            cand list 'Every platform: as_of date, plans and models'
            cand show 'One platform: plans with price per credit, packs, models with rates and minimum plans'
            cand validate 'Check pricing files and list every problem (exit 1 if any)'
            cand dirs 'Where tables are looked for, and which files were loaded'
        }
        &'credits;help;pricing;list'= {
        }
        &'credits;help;pricing;show'= {
        }
        &'credits;help;pricing;validate'= {
        }
        &'credits;help;pricing;dirs'= {
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
