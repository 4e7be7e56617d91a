
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
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log database [default: the user data dir''s credits.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('estimate', 'estimate', [CompletionResultType]::ParameterValue, 'What a generation costs on one model: credits, plan, per clip, per second')
            [CompletionResult]::new('calc', 'calc', [CompletionResultType]::ParameterValue, 'Seed 002''s spreadsheet: price per credit, per clip and per second, no table needed')
            [CompletionResult]::new('compare', 'compare', [CompletionResultType]::ParameterValue, 'Rank every model that can make a "standard shot" by cost per second')
            [CompletionResult]::new('pricing', 'pricing', [CompletionResultType]::ParameterValue, 'List, show, validate and locate pricing tables')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff) to stdout')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'credits;estimate' {
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'Seconds of output per generation')
            [CompletionResult]::new('--resolution', '--resolution', [CompletionResultType]::ParameterName, 'Output resolution, e.g. 720p, 1080p, 4k')
            [CompletionResult]::new('--refs', '--refs', [CompletionResultType]::ParameterName, 'Number of reference images')
            [CompletionResult]::new('--mode', '--mode', [CompletionResultType]::ParameterName, 'Model mode or quality, e.g. standard, pro, low, high')
            [CompletionResult]::new('--chars', '--chars', [CompletionResultType]::ParameterName, 'Characters of input (text to speech)')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'How many generations')
            [CompletionResult]::new('--plan', '--plan', [CompletionResultType]::ParameterName, 'Price the credits with this plan (and say whether it allows the request)')
            [CompletionResult]::new('--billing', '--billing', [CompletionResultType]::ParameterName, 'Monthly or annual billing of the plan')
            [CompletionResult]::new('--price-per-credit', '--price-per-credit', [CompletionResultType]::ParameterName, 'Your own price per credit, overriding the plan''s')
            [CompletionResult]::new('--shots', '--shots', [CompletionResultType]::ParameterName, 'Price a whole shot list (TOML with [[shot]] tables) instead of one request')
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log database [default: the user data dir''s credits.db]')
            [CompletionResult]::new('--audio', '--audio', [CompletionResultType]::ParameterName, 'Generate sound with the video')
            [CompletionResult]::new('--upscale', '--upscale', [CompletionResultType]::ParameterName, 'Upscale the output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'credits;calc' {
            [CompletionResult]::new('--plan-price', '--plan-price', [CompletionResultType]::ParameterName, 'What the plan or pack costs, e.g. 30')
            [CompletionResult]::new('--plan-credits', '--plan-credits', [CompletionResultType]::ParameterName, 'Credits it includes, e.g. 3000')
            [CompletionResult]::new('--clip-credits', '--clip-credits', [CompletionResultType]::ParameterName, 'Credits one clip uses, e.g. 50')
            [CompletionResult]::new('--seconds', '--seconds', [CompletionResultType]::ParameterName, 'Seconds of video in the clip, for the cost per second')
            [CompletionResult]::new('--currency', '--currency', [CompletionResultType]::ParameterName, 'Currency of the plan price')
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log database [default: the user data dir''s credits.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'credits;compare' {
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'Seconds of the standard shot')
            [CompletionResult]::new('--resolution', '--resolution', [CompletionResultType]::ParameterName, 'Resolution of the standard shot')
            [CompletionResult]::new('--mode', '--mode', [CompletionResultType]::ParameterName, 'Model mode, where models have modes')
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'What to compare')
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'Only these platforms (repeatable)')
            [CompletionResult]::new('--max-plan', '--max-plan', [CompletionResultType]::ParameterName, 'Only plans up to this one (by name on each platform; `free` means free tiers)')
            [CompletionResult]::new('--billing', '--billing', [CompletionResultType]::ParameterName, 'Monthly or annual billing of the plans')
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log database [default: the user data dir''s credits.db]')
            [CompletionResult]::new('--audio', '--audio', [CompletionResultType]::ParameterName, 'The shot has sound')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'credits;pricing' {
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log database [default: the user data dir''s credits.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every platform: as_of date, plans and models')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One platform: plans with price per credit, packs, models with rates and minimum plans')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check pricing files and list every problem (exit 1 if any)')
            [CompletionResult]::new('dirs', 'dirs', [CompletionResultType]::ParameterValue, 'Where tables are looked for, and which files were loaded')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'credits;pricing;list' {
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log database [default: the user data dir''s credits.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'credits;pricing;show' {
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log database [default: the user data dir''s credits.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'credits;pricing;validate' {
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log database [default: the user data dir''s credits.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'credits;pricing;dirs' {
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log database [default: the user data dir''s credits.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'credits;pricing;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every platform: as_of date, plans and models')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One platform: plans with price per credit, packs, models with rates and minimum plans')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check pricing files and list every problem (exit 1 if any)')
            [CompletionResult]::new('dirs', 'dirs', [CompletionResultType]::ParameterValue, 'Where tables are looked for, and which files were loaded')
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
        'credits;pricing;help;dirs' {
            break
        }
        'credits;pricing;help;help' {
            break
        }
        'credits;completions' {
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log database [default: the user data dir''s credits.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'credits;man' {
            [CompletionResult]::new('--pricing-dir', '--pricing-dir', [CompletionResultType]::ParameterName, 'Also load every *.toml pricing table in DIR (after the user config dir)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The generation log database [default: the user data dir''s credits.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (exact decimals as strings)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'credits;help' {
            [CompletionResult]::new('estimate', 'estimate', [CompletionResultType]::ParameterValue, 'What a generation costs on one model: credits, plan, per clip, per second')
            [CompletionResult]::new('calc', 'calc', [CompletionResultType]::ParameterValue, 'Seed 002''s spreadsheet: price per credit, per clip and per second, no table needed')
            [CompletionResult]::new('compare', 'compare', [CompletionResultType]::ParameterValue, 'Rank every model that can make a "standard shot" by cost per second')
            [CompletionResult]::new('pricing', 'pricing', [CompletionResultType]::ParameterValue, 'List, show, validate and locate pricing tables')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff) to stdout')
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
        'credits;help;pricing' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every platform: as_of date, plans and models')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One platform: plans with price per credit, packs, models with rates and minimum plans')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check pricing files and list every problem (exit 1 if any)')
            [CompletionResult]::new('dirs', 'dirs', [CompletionResultType]::ParameterValue, 'Where tables are looked for, and which files were loaded')
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
        'credits;help;pricing;dirs' {
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
