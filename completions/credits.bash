_credits() {
    local i cur prev opts cmd
    COMPREPLY=()
    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
        cur="$2"
    else
        cur="${COMP_WORDS[COMP_CWORD]}"
    fi
    prev="$3"
    cmd=""
    opts=""

    for i in "${COMP_WORDS[@]:0:COMP_CWORD}"
    do
        case "${cmd},${i}" in
            ",$1")
                cmd="credits"
                ;;
            credits,account)
                cmd="credits__subcmd__account"
                ;;
            credits,adjust)
                cmd="credits__subcmd__adjust"
                ;;
            credits,balance)
                cmd="credits__subcmd__balance"
                ;;
            credits,budget)
                cmd="credits__subcmd__budget"
                ;;
            credits,calc)
                cmd="credits__subcmd__calc"
                ;;
            credits,compare)
                cmd="credits__subcmd__compare"
                ;;
            credits,completions)
                cmd="credits__subcmd__completions"
                ;;
            credits,db)
                cmd="credits__subcmd__db"
                ;;
            credits,edit)
                cmd="credits__subcmd__edit"
                ;;
            credits,estimate)
                cmd="credits__subcmd__estimate"
                ;;
            credits,export)
                cmd="credits__subcmd__export"
                ;;
            credits,fail)
                cmd="credits__subcmd__fail"
                ;;
            credits,help)
                cmd="credits__subcmd__help"
                ;;
            credits,history)
                cmd="credits__subcmd__history"
                ;;
            credits,import)
                cmd="credits__subcmd__import"
                ;;
            credits,log)
                cmd="credits__subcmd__log"
                ;;
            credits,man)
                cmd="credits__subcmd__man"
                ;;
            credits,plans)
                cmd="credits__subcmd__plans"
                ;;
            credits,pricing)
                cmd="credits__subcmd__pricing"
                ;;
            credits,reconcile)
                cmd="credits__subcmd__reconcile"
                ;;
            credits,refund)
                cmd="credits__subcmd__refund"
                ;;
            credits,refunds)
                cmd="credits__subcmd__refunds"
                ;;
            credits,report)
                cmd="credits__subcmd__report"
                ;;
            credits,reprice)
                cmd="credits__subcmd__reprice"
                ;;
            credits,rm)
                cmd="credits__subcmd__rm"
                ;;
            credits,scan)
                cmd="credits__subcmd__scan"
                ;;
            credits,status)
                cmd="credits__subcmd__status"
                ;;
            credits,sync)
                cmd="credits__subcmd__sync"
                ;;
            credits,topup)
                cmd="credits__subcmd__topup"
                ;;
            credits__subcmd__account,help)
                cmd="credits__subcmd__account__subcmd__help"
                ;;
            credits__subcmd__account,list)
                cmd="credits__subcmd__account__subcmd__list"
                ;;
            credits__subcmd__account,rm)
                cmd="credits__subcmd__account__subcmd__rm"
                ;;
            credits__subcmd__account,set)
                cmd="credits__subcmd__account__subcmd__set"
                ;;
            credits__subcmd__account__subcmd__help,help)
                cmd="credits__subcmd__account__subcmd__help__subcmd__help"
                ;;
            credits__subcmd__account__subcmd__help,list)
                cmd="credits__subcmd__account__subcmd__help__subcmd__list"
                ;;
            credits__subcmd__account__subcmd__help,rm)
                cmd="credits__subcmd__account__subcmd__help__subcmd__rm"
                ;;
            credits__subcmd__account__subcmd__help,set)
                cmd="credits__subcmd__account__subcmd__help__subcmd__set"
                ;;
            credits__subcmd__adjust,help)
                cmd="credits__subcmd__adjust__subcmd__help"
                ;;
            credits__subcmd__adjust,list)
                cmd="credits__subcmd__adjust__subcmd__list"
                ;;
            credits__subcmd__adjust,rm)
                cmd="credits__subcmd__adjust__subcmd__rm"
                ;;
            credits__subcmd__adjust__subcmd__help,help)
                cmd="credits__subcmd__adjust__subcmd__help__subcmd__help"
                ;;
            credits__subcmd__adjust__subcmd__help,list)
                cmd="credits__subcmd__adjust__subcmd__help__subcmd__list"
                ;;
            credits__subcmd__adjust__subcmd__help,rm)
                cmd="credits__subcmd__adjust__subcmd__help__subcmd__rm"
                ;;
            credits__subcmd__budget,check)
                cmd="credits__subcmd__budget__subcmd__check"
                ;;
            credits__subcmd__budget,help)
                cmd="credits__subcmd__budget__subcmd__help"
                ;;
            credits__subcmd__budget,list)
                cmd="credits__subcmd__budget__subcmd__list"
                ;;
            credits__subcmd__budget,rm)
                cmd="credits__subcmd__budget__subcmd__rm"
                ;;
            credits__subcmd__budget,set)
                cmd="credits__subcmd__budget__subcmd__set"
                ;;
            credits__subcmd__budget__subcmd__help,check)
                cmd="credits__subcmd__budget__subcmd__help__subcmd__check"
                ;;
            credits__subcmd__budget__subcmd__help,help)
                cmd="credits__subcmd__budget__subcmd__help__subcmd__help"
                ;;
            credits__subcmd__budget__subcmd__help,list)
                cmd="credits__subcmd__budget__subcmd__help__subcmd__list"
                ;;
            credits__subcmd__budget__subcmd__help,rm)
                cmd="credits__subcmd__budget__subcmd__help__subcmd__rm"
                ;;
            credits__subcmd__budget__subcmd__help,set)
                cmd="credits__subcmd__budget__subcmd__help__subcmd__set"
                ;;
            credits__subcmd__db,copy)
                cmd="credits__subcmd__db__subcmd__copy"
                ;;
            credits__subcmd__db,help)
                cmd="credits__subcmd__db__subcmd__help"
                ;;
            credits__subcmd__db,status)
                cmd="credits__subcmd__db__subcmd__status"
                ;;
            credits__subcmd__db__subcmd__help,copy)
                cmd="credits__subcmd__db__subcmd__help__subcmd__copy"
                ;;
            credits__subcmd__db__subcmd__help,help)
                cmd="credits__subcmd__db__subcmd__help__subcmd__help"
                ;;
            credits__subcmd__db__subcmd__help,status)
                cmd="credits__subcmd__db__subcmd__help__subcmd__status"
                ;;
            credits__subcmd__help,account)
                cmd="credits__subcmd__help__subcmd__account"
                ;;
            credits__subcmd__help,adjust)
                cmd="credits__subcmd__help__subcmd__adjust"
                ;;
            credits__subcmd__help,balance)
                cmd="credits__subcmd__help__subcmd__balance"
                ;;
            credits__subcmd__help,budget)
                cmd="credits__subcmd__help__subcmd__budget"
                ;;
            credits__subcmd__help,calc)
                cmd="credits__subcmd__help__subcmd__calc"
                ;;
            credits__subcmd__help,compare)
                cmd="credits__subcmd__help__subcmd__compare"
                ;;
            credits__subcmd__help,completions)
                cmd="credits__subcmd__help__subcmd__completions"
                ;;
            credits__subcmd__help,db)
                cmd="credits__subcmd__help__subcmd__db"
                ;;
            credits__subcmd__help,edit)
                cmd="credits__subcmd__help__subcmd__edit"
                ;;
            credits__subcmd__help,estimate)
                cmd="credits__subcmd__help__subcmd__estimate"
                ;;
            credits__subcmd__help,export)
                cmd="credits__subcmd__help__subcmd__export"
                ;;
            credits__subcmd__help,fail)
                cmd="credits__subcmd__help__subcmd__fail"
                ;;
            credits__subcmd__help,help)
                cmd="credits__subcmd__help__subcmd__help"
                ;;
            credits__subcmd__help,history)
                cmd="credits__subcmd__help__subcmd__history"
                ;;
            credits__subcmd__help,import)
                cmd="credits__subcmd__help__subcmd__import"
                ;;
            credits__subcmd__help,log)
                cmd="credits__subcmd__help__subcmd__log"
                ;;
            credits__subcmd__help,man)
                cmd="credits__subcmd__help__subcmd__man"
                ;;
            credits__subcmd__help,plans)
                cmd="credits__subcmd__help__subcmd__plans"
                ;;
            credits__subcmd__help,pricing)
                cmd="credits__subcmd__help__subcmd__pricing"
                ;;
            credits__subcmd__help,reconcile)
                cmd="credits__subcmd__help__subcmd__reconcile"
                ;;
            credits__subcmd__help,refund)
                cmd="credits__subcmd__help__subcmd__refund"
                ;;
            credits__subcmd__help,refunds)
                cmd="credits__subcmd__help__subcmd__refunds"
                ;;
            credits__subcmd__help,report)
                cmd="credits__subcmd__help__subcmd__report"
                ;;
            credits__subcmd__help,reprice)
                cmd="credits__subcmd__help__subcmd__reprice"
                ;;
            credits__subcmd__help,rm)
                cmd="credits__subcmd__help__subcmd__rm"
                ;;
            credits__subcmd__help,scan)
                cmd="credits__subcmd__help__subcmd__scan"
                ;;
            credits__subcmd__help,status)
                cmd="credits__subcmd__help__subcmd__status"
                ;;
            credits__subcmd__help,sync)
                cmd="credits__subcmd__help__subcmd__sync"
                ;;
            credits__subcmd__help,topup)
                cmd="credits__subcmd__help__subcmd__topup"
                ;;
            credits__subcmd__help__subcmd__account,list)
                cmd="credits__subcmd__help__subcmd__account__subcmd__list"
                ;;
            credits__subcmd__help__subcmd__account,rm)
                cmd="credits__subcmd__help__subcmd__account__subcmd__rm"
                ;;
            credits__subcmd__help__subcmd__account,set)
                cmd="credits__subcmd__help__subcmd__account__subcmd__set"
                ;;
            credits__subcmd__help__subcmd__adjust,list)
                cmd="credits__subcmd__help__subcmd__adjust__subcmd__list"
                ;;
            credits__subcmd__help__subcmd__adjust,rm)
                cmd="credits__subcmd__help__subcmd__adjust__subcmd__rm"
                ;;
            credits__subcmd__help__subcmd__budget,check)
                cmd="credits__subcmd__help__subcmd__budget__subcmd__check"
                ;;
            credits__subcmd__help__subcmd__budget,list)
                cmd="credits__subcmd__help__subcmd__budget__subcmd__list"
                ;;
            credits__subcmd__help__subcmd__budget,rm)
                cmd="credits__subcmd__help__subcmd__budget__subcmd__rm"
                ;;
            credits__subcmd__help__subcmd__budget,set)
                cmd="credits__subcmd__help__subcmd__budget__subcmd__set"
                ;;
            credits__subcmd__help__subcmd__db,copy)
                cmd="credits__subcmd__help__subcmd__db__subcmd__copy"
                ;;
            credits__subcmd__help__subcmd__db,status)
                cmd="credits__subcmd__help__subcmd__db__subcmd__status"
                ;;
            credits__subcmd__help__subcmd__pricing,bundle)
                cmd="credits__subcmd__help__subcmd__pricing__subcmd__bundle"
                ;;
            credits__subcmd__help__subcmd__pricing,dirs)
                cmd="credits__subcmd__help__subcmd__pricing__subcmd__dirs"
                ;;
            credits__subcmd__help__subcmd__pricing,dump)
                cmd="credits__subcmd__help__subcmd__pricing__subcmd__dump"
                ;;
            credits__subcmd__help__subcmd__pricing,list)
                cmd="credits__subcmd__help__subcmd__pricing__subcmd__list"
                ;;
            credits__subcmd__help__subcmd__pricing,show)
                cmd="credits__subcmd__help__subcmd__pricing__subcmd__show"
                ;;
            credits__subcmd__help__subcmd__pricing,status)
                cmd="credits__subcmd__help__subcmd__pricing__subcmd__status"
                ;;
            credits__subcmd__help__subcmd__pricing,update)
                cmd="credits__subcmd__help__subcmd__pricing__subcmd__update"
                ;;
            credits__subcmd__help__subcmd__pricing,validate)
                cmd="credits__subcmd__help__subcmd__pricing__subcmd__validate"
                ;;
            credits__subcmd__help__subcmd__topup,list)
                cmd="credits__subcmd__help__subcmd__topup__subcmd__list"
                ;;
            credits__subcmd__help__subcmd__topup,rm)
                cmd="credits__subcmd__help__subcmd__topup__subcmd__rm"
                ;;
            credits__subcmd__pricing,bundle)
                cmd="credits__subcmd__pricing__subcmd__bundle"
                ;;
            credits__subcmd__pricing,dirs)
                cmd="credits__subcmd__pricing__subcmd__dirs"
                ;;
            credits__subcmd__pricing,dump)
                cmd="credits__subcmd__pricing__subcmd__dump"
                ;;
            credits__subcmd__pricing,help)
                cmd="credits__subcmd__pricing__subcmd__help"
                ;;
            credits__subcmd__pricing,list)
                cmd="credits__subcmd__pricing__subcmd__list"
                ;;
            credits__subcmd__pricing,show)
                cmd="credits__subcmd__pricing__subcmd__show"
                ;;
            credits__subcmd__pricing,status)
                cmd="credits__subcmd__pricing__subcmd__status"
                ;;
            credits__subcmd__pricing,update)
                cmd="credits__subcmd__pricing__subcmd__update"
                ;;
            credits__subcmd__pricing,validate)
                cmd="credits__subcmd__pricing__subcmd__validate"
                ;;
            credits__subcmd__pricing__subcmd__help,bundle)
                cmd="credits__subcmd__pricing__subcmd__help__subcmd__bundle"
                ;;
            credits__subcmd__pricing__subcmd__help,dirs)
                cmd="credits__subcmd__pricing__subcmd__help__subcmd__dirs"
                ;;
            credits__subcmd__pricing__subcmd__help,dump)
                cmd="credits__subcmd__pricing__subcmd__help__subcmd__dump"
                ;;
            credits__subcmd__pricing__subcmd__help,help)
                cmd="credits__subcmd__pricing__subcmd__help__subcmd__help"
                ;;
            credits__subcmd__pricing__subcmd__help,list)
                cmd="credits__subcmd__pricing__subcmd__help__subcmd__list"
                ;;
            credits__subcmd__pricing__subcmd__help,show)
                cmd="credits__subcmd__pricing__subcmd__help__subcmd__show"
                ;;
            credits__subcmd__pricing__subcmd__help,status)
                cmd="credits__subcmd__pricing__subcmd__help__subcmd__status"
                ;;
            credits__subcmd__pricing__subcmd__help,update)
                cmd="credits__subcmd__pricing__subcmd__help__subcmd__update"
                ;;
            credits__subcmd__pricing__subcmd__help,validate)
                cmd="credits__subcmd__pricing__subcmd__help__subcmd__validate"
                ;;
            credits__subcmd__topup,help)
                cmd="credits__subcmd__topup__subcmd__help"
                ;;
            credits__subcmd__topup,list)
                cmd="credits__subcmd__topup__subcmd__list"
                ;;
            credits__subcmd__topup,rm)
                cmd="credits__subcmd__topup__subcmd__rm"
                ;;
            credits__subcmd__topup__subcmd__help,help)
                cmd="credits__subcmd__topup__subcmd__help__subcmd__help"
                ;;
            credits__subcmd__topup__subcmd__help,list)
                cmd="credits__subcmd__topup__subcmd__help__subcmd__list"
                ;;
            credits__subcmd__topup__subcmd__help,rm)
                cmd="credits__subcmd__topup__subcmd__help__subcmd__rm"
                ;;
            *)
                ;;
        esac
    done

    case "${cmd}" in
        credits)
            opts="-h -V --json --wide --pricing-dir --db --user --help --version estimate calc compare plans pricing log scan fail refund edit rm reprice history report refunds export import reconcile sync account topup adjust balance status budget db completions man help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 1 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --pricing-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__account)
            opts="-h --json --wide --pricing-dir --db --user --help set list rm help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --pricing-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__account__subcmd__help)
            opts="set list rm help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__account__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__account__subcmd__help__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__account__subcmd__help__subcmd__rm)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__account__subcmd__help__subcmd__set)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__account__subcmd__list)
            opts="-h --json --wide --pricing-dir --db --user --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --pricing-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__account__subcmd__rm)
            opts="-h --force --json --wide --pricing-dir --db --user --help adobe-firefly alibaba-wan bfl byteplus elevenlabs fal google hedra higgsfield ideogram ideogram-api kling kling-api krea luma luma-api makeclipai midjourney minimax minimax-api modelpix openai pika pixverse recraft replicate runway runway-api stability videodraft xai"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --pricing-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__account__subcmd__set)
            opts="-h --plan --billing --since --subscribed --renews-on --price --credits --json --wide --pricing-dir --db --user --help adobe-firefly alibaba-wan bfl byteplus elevenlabs fal google hedra higgsfield ideogram ideogram-api kling kling-api krea luma luma-api makeclipai midjourney minimax minimax-api modelpix openai pika pixverse recraft replicate runway runway-api stability videodraft xai"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --plan)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --billing)
                    COMPREPLY=($(compgen -W "monthly annual" -- "${cur}"))
                    return 0
                    ;;
                --since)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --subscribed)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --renews-on)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --price)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --credits)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --pricing-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__adjust)
            opts="-h --note --at --force --allow-future --json --wide --pricing-dir --db --user --help adobe-firefly alibaba-wan bfl byteplus elevenlabs fal google hedra higgsfield ideogram ideogram-api kling kling-api krea luma luma-api makeclipai midjourney minimax minimax-api modelpix openai pika pixverse recraft replicate runway runway-api stability videodraft xai list rm help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --note)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --at)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --pricing-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__adjust__subcmd__help)
            opts="list rm help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__adjust__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__adjust__subcmd__help__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__adjust__subcmd__help__subcmd__rm)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__adjust__subcmd__list)
            opts="-h --json --wide --pricing-dir --db --user --help adobe-firefly alibaba-wan bfl byteplus elevenlabs fal google hedra higgsfield ideogram ideogram-api kling kling-api krea luma luma-api makeclipai midjourney minimax minimax-api modelpix openai pika pixverse recraft replicate runway runway-api stability videodraft xai"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --pricing-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__adjust__subcmd__rm)
            opts="-h --force --json --wide --pricing-dir --db --user --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --pricing-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__balance)
            opts="-h --as-of --expect --at --json --wide --pricing-dir --db --user --help adobe-firefly alibaba-wan bfl byteplus elevenlabs fal google hedra higgsfield ideogram ideogram-api kling kling-api krea luma luma-api makeclipai midjourney minimax minimax-api modelpix openai pika pixverse recraft replicate runway runway-api stability videodraft xai"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --as-of)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --expect)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --at)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --pricing-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__budget)
            opts="-h --json --wide --pricing-dir --db --user --help set list check rm help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --pricing-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__budget__subcmd__check)
            opts="-h --json --wide --pricing-dir --db --user --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --pricing-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__budget__subcmd__help)
            opts="set list check rm help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__budget__subcmd__help__subcmd__check)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__budget__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__budget__subcmd__help__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__budget__subcmd__help__subcmd__rm)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__budget__subcmd__help__subcmd__set)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__budget__subcmd__list)
            opts="-h --json --wide --pricing-dir --db --user --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --pricing-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__budget__subcmd__rm)
            opts="-h --money --credits --platform --for --json --wide --pricing-dir --db --user --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --platform)
                    COMPREPLY=($(compgen -W "adobe-firefly alibaba-wan bfl byteplus elevenlabs fal google hedra higgsfield ideogram ideogram-api kling kling-api krea luma luma-api makeclipai midjourney minimax minimax-api modelpix openai pika pixverse recraft replicate runway runway-api stability videodraft xai" -- "${cur}"))
                    return 0
                    ;;
                --for)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --pricing-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__budget__subcmd__set)
            opts="-h --money --credits --platform --period --currency --for --json --wide --pricing-dir --db --user --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --platform)
                    COMPREPLY=($(compgen -W "adobe-firefly alibaba-wan bfl byteplus elevenlabs fal google hedra higgsfield ideogram ideogram-api kling kling-api krea luma luma-api makeclipai midjourney minimax minimax-api modelpix openai pika pixverse recraft replicate runway runway-api stability videodraft xai" -- "${cur}"))
                    return 0
                    ;;
                --period)
                    COMPREPLY=($(compgen -W "month total" -- "${cur}"))
                    return 0
                    ;;
                --currency)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --for)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --pricing-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__calc)
            opts="-h --plan-price --plan-credits --clip-credits --seconds --currency --json --wide --pricing-dir --db --user --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --plan-price)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --plan-credits)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --clip-credits)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --seconds)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --currency)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --pricing-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__compare)
            opts="-h --duration --resolution --audio --mode --kind --platform --max-plan --billing --json --wide --pricing-dir --db --user --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --duration)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --resolution)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --mode)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --kind)
                    COMPREPLY=($(compgen -W "video image audio text other" -- "${cur}"))
                    return 0
                    ;;
                --platform)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --max-plan)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --billing)
                    COMPREPLY=($(compgen -W "monthly annual" -- "${cur}"))
                    return 0
                    ;;
                --pricing-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__completions)
            opts="-h --json --wide --pricing-dir --db --user --help bash elvish fish powershell zsh"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --pricing-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__db)
            opts="-h --json --wide --pricing-dir --db --user --help status copy help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --pricing-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__db__subcmd__copy)
            opts="-h --from --to --json --wide --pricing-dir --db --user --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --from)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --to)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --pricing-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__db__subcmd__help)
            opts="status copy help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__db__subcmd__help__subcmd__copy)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__db__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__db__subcmd__help__subcmd__status)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__db__subcmd__status)
            opts="-h --json --wide --pricing-dir --db --user --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --pricing-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__edit)
            opts="-h --project --tag --untag --note --kept --discarded --status --at --allow-future --force --json --wide --pricing-dir --db --user --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --project)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --tag)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --untag)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --note)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --status)
                    COMPREPLY=($(compgen -W "ok failed refunded" -- "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --pricing-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__estimate)
            opts="-h --duration --resolution --audio --refs --mode --chars --count --upscale --plan --billing --price-per-credit --shots --project --json --wide --pricing-dir --db --user --help adobe-firefly alibaba-wan bfl byteplus elevenlabs fal google hedra higgsfield ideogram ideogram-api kling kling-api krea luma luma-api makeclipai midjourney minimax minimax-api modelpix openai pika pixverse recraft replicate runway runway-api stability videodraft xai act_two ai-agent-consultations aleph avatar-video canvas conservative-upscale creative-upscale crisp-upscale eleven-flash-v2.5 eleven-multilingual-v2 eleven-turbo-v2.5 eleven-v3 eleven_multilingual_v2 erase-region extended-video fast-upscale finetuned-inference flux-1-fill-pro flux-1.1-pro flux-1.1-pro-raw flux-1.1-pro-ultra flux-2-flex flux-2-klein-4b flux-2-klein-9b flux-2-max flux-2-pro flux-dev flux-kontext-max flux-kontext-pro flux-pro flux-schnell frames gemini-2.5-flash-image gemini-3-pro-image gemini-3.1-flash-image gemini-3.1-flash-lite-image gemini-nano-banana-2.1 gemini-omni-flash-preview gemini_omni_flash gen-2 gen-3-alpha gen-3-alpha-turbo gen-4 gen-4-turbo gen-4.5 gen3a_turbo gen4.5 gen4_aleph gen4_image gen4_image_turbo gen4_turbo generate-video google-text-to-speech google-veo2 google-veo3 google-veo3-fast gpt-image gpt-image-1 gpt-image-1-mini gpt-image-1.5 gpt-image-2 grok-imagine-video grok-imagine-video-1.5 grok_imagine_1_5 h3_max hailuo3 hedra-avatar ideogram-1-default ideogram-1-turbo ideogram-2 ideogram-2a-default ideogram-2a-turbo ideogram-3 ideogram-3.0 ideogram-4 ideogram-4.5 ideogram-v3-quality image-expansion imagen-4 imagen-4-fast imagen-4-standard imagen-4-ultra inpaint kling-1.0 kling-2.5-turbo-pro kling-3.0 kling-ai kling-avatar kling-image-o1 kling-lip-sync kling-v1-5-image kling-v1-image kling-v2-1-image kling-v2-6 kling-v2-6-motion-control kling-v2-image kling-v2-new-image kling-v2.1 kling-v3 kling-v3-4k kling-v3-image kling-v3-motion-control kling-v3-omni kling-v3-omni-image kling-v3-pro kling-video-o1 kolors-virtual-try-on-v1 kolors-virtual-try-on-v1-5 layerize lip-sync luma-ray-2 luma-ray-flash minimax-h3 minimax-hailuo-02 minimax-hailuo-2.3-fast nano-banana outpaint ovi photon photon-flash pika-2.2 pika-2.5-pro pika-2.5-turbo pika-basic pika-effects pixverse-c1 pixverse-v5 pixverse-v6 ray-3.2-video-to-video ray1.6 ray2 ray2-flash recraft-v2 recraft-v3 recraft-v3-svg recraft-v4.1 recraft-v4.1-pro remove-background scene-enhancement script-generation sd3.5-large sd3.5-large-turbo sd3.5-medium seedance-2.0 seedance-2.5 seedance2_5 seedream-4.0 seedream-4.5 seedream-5.0-lite seedream-v4 silent-audio-generation simple-image-operation sora-2 sora-2-pro soul speak stable-image-core stable-image-ultra standard-generation standard-image-generation style-transfer text-to-image text-to-speech uni-1 uni-1-edit upscale vectorize veo-3 veo-3.0-fast-generate-001 veo-3.0-generate-001 veo-3.1 veo-3.1-fast veo-3.1-lite veo3 veo3.1 veo3.1_fast video voice-or-sound wan-2.5 wan-3 wan2.1-kf2v-plus wan2.2-s2v wan3 wan3.0"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --duration)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --resolution)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --refs)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --mode)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --chars)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --count)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --plan)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --billing)
                    COMPREPLY=($(compgen -W "monthly annual" -- "${cur}"))
                    return 0
                    ;;
                --price-per-credit)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --shots)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --project)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --pricing-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__export)
            opts="-o -h --format --output --project --platform --model --tag --status --since --until --user --json --wide --pricing-dir --db --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --format)
                    COMPREPLY=($(compgen -W "csv json" -- "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --project)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --platform)
                    COMPREPLY=($(compgen -W "adobe-firefly alibaba-wan bfl byteplus elevenlabs fal google hedra higgsfield ideogram ideogram-api kling kling-api krea luma luma-api makeclipai midjourney minimax minimax-api modelpix openai pika pixverse recraft replicate runway runway-api stability videodraft xai" -- "${cur}"))
                    return 0
                    ;;
                --model)
                    COMPREPLY=($(compgen -W "act_two ai-agent-consultations aleph avatar-video canvas conservative-upscale creative-upscale crisp-upscale eleven-flash-v2.5 eleven-multilingual-v2 eleven-turbo-v2.5 eleven-v3 eleven_multilingual_v2 erase-region extended-video fast-upscale finetuned-inference flux-1-fill-pro flux-1.1-pro flux-1.1-pro-raw flux-1.1-pro-ultra flux-2-flex flux-2-klein-4b flux-2-klein-9b flux-2-max flux-2-pro flux-dev flux-kontext-max flux-kontext-pro flux-pro flux-schnell frames gemini-2.5-flash-image gemini-3-pro-image gemini-3.1-flash-image gemini-3.1-flash-lite-image gemini-nano-banana-2.1 gemini-omni-flash-preview gemini_omni_flash gen-2 gen-3-alpha gen-3-alpha-turbo gen-4 gen-4-turbo gen-4.5 gen3a_turbo gen4.5 gen4_aleph gen4_image gen4_image_turbo gen4_turbo generate-video google-text-to-speech google-veo2 google-veo3 google-veo3-fast gpt-image gpt-image-1 gpt-image-1-mini gpt-image-1.5 gpt-image-2 grok-imagine-video grok-imagine-video-1.5 grok_imagine_1_5 h3_max hailuo3 hedra-avatar ideogram-1-default ideogram-1-turbo ideogram-2 ideogram-2a-default ideogram-2a-turbo ideogram-3 ideogram-3.0 ideogram-4 ideogram-4.5 ideogram-v3-quality image-expansion imagen-4 imagen-4-fast imagen-4-standard imagen-4-ultra inpaint kling-1.0 kling-2.5-turbo-pro kling-3.0 kling-ai kling-avatar kling-image-o1 kling-lip-sync kling-v1-5-image kling-v1-image kling-v2-1-image kling-v2-6 kling-v2-6-motion-control kling-v2-image kling-v2-new-image kling-v2.1 kling-v3 kling-v3-4k kling-v3-image kling-v3-motion-control kling-v3-omni kling-v3-omni-image kling-v3-pro kling-video-o1 kolors-virtual-try-on-v1 kolors-virtual-try-on-v1-5 layerize lip-sync luma-ray-2 luma-ray-flash minimax-h3 minimax-hailuo-02 minimax-hailuo-2.3-fast nano-banana outpaint ovi photon photon-flash pika-2.2 pika-2.5-pro pika-2.5-turbo pika-basic pika-effects pixverse-c1 pixverse-v5 pixverse-v6 ray-3.2-video-to-video ray1.6 ray2 ray2-flash recraft-v2 recraft-v3 recraft-v3-svg recraft-v4.1 recraft-v4.1-pro remove-background scene-enhancement script-generation sd3.5-large sd3.5-large-turbo sd3.5-medium seedance-2.0 seedance-2.5 seedance2_5 seedream-4.0 seedream-4.5 seedream-5.0-lite seedream-v4 silent-audio-generation simple-image-operation sora-2 sora-2-pro soul speak stable-image-core stable-image-ultra standard-generation standard-image-generation style-transfer text-to-image text-to-speech uni-1 uni-1-edit upscale vectorize veo-3 veo-3.0-fast-generate-001 veo-3.0-generate-001 veo-3.1 veo-3.1-fast veo-3.1-lite veo3 veo3.1 veo3.1_fast video voice-or-sound wan-2.5 wan-3 wan2.1-kf2v-plus wan2.2-s2v wan3 wan3.0" -- "${cur}"))
                    return 0
                    ;;
                --tag)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --status)
                    COMPREPLY=($(compgen -W "ok failed refunded" -- "${cur}"))
                    return 0
                    ;;
                --since)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --until)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --user)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --pricing-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__fail)
            opts="-h --force --json --wide --pricing-dir --db --user --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --pricing-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__help)
            opts="estimate calc compare plans pricing log scan fail refund edit rm reprice history report refunds export import reconcile sync account topup adjust balance status budget db completions man help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__help__subcmd__account)
            opts="set list rm"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__help__subcmd__account__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__help__subcmd__account__subcmd__rm)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__help__subcmd__account__subcmd__set)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__help__subcmd__adjust)
            opts="list rm"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__help__subcmd__adjust__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__help__subcmd__adjust__subcmd__rm)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__help__subcmd__balance)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__help__subcmd__budget)
            opts="set list check rm"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__help__subcmd__budget__subcmd__check)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__help__subcmd__budget__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__help__subcmd__budget__subcmd__rm)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__help__subcmd__budget__subcmd__set)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__help__subcmd__calc)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__help__subcmd__compare)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__help__subcmd__completions)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__help__subcmd__db)
            opts="status copy"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__help__subcmd__db__subcmd__copy)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__help__subcmd__db__subcmd__status)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__help__subcmd__edit)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__help__subcmd__estimate)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__help__subcmd__export)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__help__subcmd__fail)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__help__subcmd__history)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__help__subcmd__import)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__help__subcmd__log)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__help__subcmd__man)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__help__subcmd__plans)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__help__subcmd__pricing)
            opts="list show validate dump dirs status update bundle"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__help__subcmd__pricing__subcmd__bundle)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__help__subcmd__pricing__subcmd__dirs)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__help__subcmd__pricing__subcmd__dump)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__help__subcmd__pricing__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__help__subcmd__pricing__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__help__subcmd__pricing__subcmd__status)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__help__subcmd__pricing__subcmd__update)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__help__subcmd__pricing__subcmd__validate)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__help__subcmd__reconcile)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__help__subcmd__refund)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__help__subcmd__refunds)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__help__subcmd__report)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__help__subcmd__reprice)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__help__subcmd__rm)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__help__subcmd__scan)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__help__subcmd__status)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__help__subcmd__sync)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__help__subcmd__topup)
            opts="list rm"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__help__subcmd__topup__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__help__subcmd__topup__subcmd__rm)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__history)
            opts="-h --project --platform --model --tag --status --since --until --user --limit --csv --json --wide --pricing-dir --db --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --project)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --platform)
                    COMPREPLY=($(compgen -W "adobe-firefly alibaba-wan bfl byteplus elevenlabs fal google hedra higgsfield ideogram ideogram-api kling kling-api krea luma luma-api makeclipai midjourney minimax minimax-api modelpix openai pika pixverse recraft replicate runway runway-api stability videodraft xai" -- "${cur}"))
                    return 0
                    ;;
                --model)
                    COMPREPLY=($(compgen -W "act_two ai-agent-consultations aleph avatar-video canvas conservative-upscale creative-upscale crisp-upscale eleven-flash-v2.5 eleven-multilingual-v2 eleven-turbo-v2.5 eleven-v3 eleven_multilingual_v2 erase-region extended-video fast-upscale finetuned-inference flux-1-fill-pro flux-1.1-pro flux-1.1-pro-raw flux-1.1-pro-ultra flux-2-flex flux-2-klein-4b flux-2-klein-9b flux-2-max flux-2-pro flux-dev flux-kontext-max flux-kontext-pro flux-pro flux-schnell frames gemini-2.5-flash-image gemini-3-pro-image gemini-3.1-flash-image gemini-3.1-flash-lite-image gemini-nano-banana-2.1 gemini-omni-flash-preview gemini_omni_flash gen-2 gen-3-alpha gen-3-alpha-turbo gen-4 gen-4-turbo gen-4.5 gen3a_turbo gen4.5 gen4_aleph gen4_image gen4_image_turbo gen4_turbo generate-video google-text-to-speech google-veo2 google-veo3 google-veo3-fast gpt-image gpt-image-1 gpt-image-1-mini gpt-image-1.5 gpt-image-2 grok-imagine-video grok-imagine-video-1.5 grok_imagine_1_5 h3_max hailuo3 hedra-avatar ideogram-1-default ideogram-1-turbo ideogram-2 ideogram-2a-default ideogram-2a-turbo ideogram-3 ideogram-3.0 ideogram-4 ideogram-4.5 ideogram-v3-quality image-expansion imagen-4 imagen-4-fast imagen-4-standard imagen-4-ultra inpaint kling-1.0 kling-2.5-turbo-pro kling-3.0 kling-ai kling-avatar kling-image-o1 kling-lip-sync kling-v1-5-image kling-v1-image kling-v2-1-image kling-v2-6 kling-v2-6-motion-control kling-v2-image kling-v2-new-image kling-v2.1 kling-v3 kling-v3-4k kling-v3-image kling-v3-motion-control kling-v3-omni kling-v3-omni-image kling-v3-pro kling-video-o1 kolors-virtual-try-on-v1 kolors-virtual-try-on-v1-5 layerize lip-sync luma-ray-2 luma-ray-flash minimax-h3 minimax-hailuo-02 minimax-hailuo-2.3-fast nano-banana outpaint ovi photon photon-flash pika-2.2 pika-2.5-pro pika-2.5-turbo pika-basic pika-effects pixverse-c1 pixverse-v5 pixverse-v6 ray-3.2-video-to-video ray1.6 ray2 ray2-flash recraft-v2 recraft-v3 recraft-v3-svg recraft-v4.1 recraft-v4.1-pro remove-background scene-enhancement script-generation sd3.5-large sd3.5-large-turbo sd3.5-medium seedance-2.0 seedance-2.5 seedance2_5 seedream-4.0 seedream-4.5 seedream-5.0-lite seedream-v4 silent-audio-generation simple-image-operation sora-2 sora-2-pro soul speak stable-image-core stable-image-ultra standard-generation standard-image-generation style-transfer text-to-image text-to-speech uni-1 uni-1-edit upscale vectorize veo-3 veo-3.0-fast-generate-001 veo-3.0-generate-001 veo-3.1 veo-3.1-fast veo-3.1-lite veo3 veo3.1 veo3.1_fast video voice-or-sound wan-2.5 wan-3 wan2.1-kf2v-plus wan2.2-s2v wan3 wan3.0" -- "${cur}"))
                    return 0
                    ;;
                --tag)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --status)
                    COMPREPLY=($(compgen -W "ok failed refunded" -- "${cur}"))
                    return 0
                    ;;
                --since)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --until)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --user)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --limit)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --pricing-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__import)
            opts="-h --from --json --wide --pricing-dir --db --user --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --from)
                    COMPREPLY=($(compgen -W "fal replicate openai runway kling" -- "${cur}"))
                    return 0
                    ;;
                --pricing-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__log)
            opts="-h --duration --resolution --audio --refs --mode --chars --count --upscale --project --tag --credits --failed --discarded --strict-budget --at --allow-future --force --note --plan --price-per-credit --json --wide --pricing-dir --db --user --help adobe-firefly alibaba-wan bfl byteplus elevenlabs fal google hedra higgsfield ideogram ideogram-api kling kling-api krea luma luma-api makeclipai midjourney minimax minimax-api modelpix openai pika pixverse recraft replicate runway runway-api stability videodraft xai act_two ai-agent-consultations aleph avatar-video canvas conservative-upscale creative-upscale crisp-upscale eleven-flash-v2.5 eleven-multilingual-v2 eleven-turbo-v2.5 eleven-v3 eleven_multilingual_v2 erase-region extended-video fast-upscale finetuned-inference flux-1-fill-pro flux-1.1-pro flux-1.1-pro-raw flux-1.1-pro-ultra flux-2-flex flux-2-klein-4b flux-2-klein-9b flux-2-max flux-2-pro flux-dev flux-kontext-max flux-kontext-pro flux-pro flux-schnell frames gemini-2.5-flash-image gemini-3-pro-image gemini-3.1-flash-image gemini-3.1-flash-lite-image gemini-nano-banana-2.1 gemini-omni-flash-preview gemini_omni_flash gen-2 gen-3-alpha gen-3-alpha-turbo gen-4 gen-4-turbo gen-4.5 gen3a_turbo gen4.5 gen4_aleph gen4_image gen4_image_turbo gen4_turbo generate-video google-text-to-speech google-veo2 google-veo3 google-veo3-fast gpt-image gpt-image-1 gpt-image-1-mini gpt-image-1.5 gpt-image-2 grok-imagine-video grok-imagine-video-1.5 grok_imagine_1_5 h3_max hailuo3 hedra-avatar ideogram-1-default ideogram-1-turbo ideogram-2 ideogram-2a-default ideogram-2a-turbo ideogram-3 ideogram-3.0 ideogram-4 ideogram-4.5 ideogram-v3-quality image-expansion imagen-4 imagen-4-fast imagen-4-standard imagen-4-ultra inpaint kling-1.0 kling-2.5-turbo-pro kling-3.0 kling-ai kling-avatar kling-image-o1 kling-lip-sync kling-v1-5-image kling-v1-image kling-v2-1-image kling-v2-6 kling-v2-6-motion-control kling-v2-image kling-v2-new-image kling-v2.1 kling-v3 kling-v3-4k kling-v3-image kling-v3-motion-control kling-v3-omni kling-v3-omni-image kling-v3-pro kling-video-o1 kolors-virtual-try-on-v1 kolors-virtual-try-on-v1-5 layerize lip-sync luma-ray-2 luma-ray-flash minimax-h3 minimax-hailuo-02 minimax-hailuo-2.3-fast nano-banana outpaint ovi photon photon-flash pika-2.2 pika-2.5-pro pika-2.5-turbo pika-basic pika-effects pixverse-c1 pixverse-v5 pixverse-v6 ray-3.2-video-to-video ray1.6 ray2 ray2-flash recraft-v2 recraft-v3 recraft-v3-svg recraft-v4.1 recraft-v4.1-pro remove-background scene-enhancement script-generation sd3.5-large sd3.5-large-turbo sd3.5-medium seedance-2.0 seedance-2.5 seedance2_5 seedream-4.0 seedream-4.5 seedream-5.0-lite seedream-v4 silent-audio-generation simple-image-operation sora-2 sora-2-pro soul speak stable-image-core stable-image-ultra standard-generation standard-image-generation style-transfer text-to-image text-to-speech uni-1 uni-1-edit upscale vectorize veo-3 veo-3.0-fast-generate-001 veo-3.0-generate-001 veo-3.1 veo-3.1-fast veo-3.1-lite veo3 veo3.1 veo3.1_fast video voice-or-sound wan-2.5 wan-3 wan2.1-kf2v-plus wan2.2-s2v wan3 wan3.0"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --duration)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --resolution)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --refs)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --mode)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --chars)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --count)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --project)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --tag)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --credits)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --at)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --note)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --plan)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --price-per-credit)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --pricing-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__man)
            opts="-h --dir --json --wide --pricing-dir --db --user --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --dir)
                    COMPREPLY=()
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o plusdirs
                    fi
                    return 0
                    ;;
                --pricing-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__plans)
            opts="-h --usage --shots --times --from-log --since --retries --any-model --platform --kind --billing --top --explain --json --wide --pricing-dir --db --user --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --usage)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --shots)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --times)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --since)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --retries)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --platform)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --kind)
                    COMPREPLY=($(compgen -W "plan packs per-use" -- "${cur}"))
                    return 0
                    ;;
                --billing)
                    COMPREPLY=($(compgen -W "monthly annual" -- "${cur}"))
                    return 0
                    ;;
                --top)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --pricing-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__pricing)
            opts="-h --json --wide --pricing-dir --db --user --help list show validate dump dirs status update bundle help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --pricing-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__pricing__subcmd__bundle)
            opts="-o -h --output --json --wide --pricing-dir --db --user --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --output)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --pricing-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__pricing__subcmd__dirs)
            opts="-h --json --wide --pricing-dir --db --user --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --pricing-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__pricing__subcmd__dump)
            opts="-h --effective --json --wide --pricing-dir --db --user --help adobe-firefly alibaba-wan bfl byteplus elevenlabs fal google hedra higgsfield ideogram ideogram-api kling kling-api krea luma luma-api makeclipai midjourney minimax minimax-api modelpix openai pika pixverse recraft replicate runway runway-api stability videodraft xai"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --pricing-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__pricing__subcmd__help)
            opts="list show validate dump dirs status update bundle help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__pricing__subcmd__help__subcmd__bundle)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__pricing__subcmd__help__subcmd__dirs)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__pricing__subcmd__help__subcmd__dump)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__pricing__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__pricing__subcmd__help__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__pricing__subcmd__help__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__pricing__subcmd__help__subcmd__status)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__pricing__subcmd__help__subcmd__update)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__pricing__subcmd__help__subcmd__validate)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__pricing__subcmd__list)
            opts="-h --json --wide --pricing-dir --db --user --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --pricing-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__pricing__subcmd__show)
            opts="-h --json --wide --pricing-dir --db --user --help adobe-firefly alibaba-wan bfl byteplus elevenlabs fal google hedra higgsfield ideogram ideogram-api kling kling-api krea luma luma-api makeclipai midjourney minimax minimax-api modelpix openai pika pixverse recraft replicate runway runway-api stability videodraft xai"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --pricing-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__pricing__subcmd__status)
            opts="-h --stale --json --wide --pricing-dir --db --user --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --pricing-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__pricing__subcmd__update)
            opts="-h --from --force --remove --json --wide --pricing-dir --db --user --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --from)
                    local oldifs
                    if [ -n "${IFS+x}" ]; then
                        oldifs="$IFS"
                    fi
                    IFS=$'\n'
                    COMPREPLY=($(compgen -f "${cur}"))
                    if [ -n "${oldifs+x}" ]; then
                        IFS="$oldifs"
                    fi
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o filenames
                    fi
                    return 0
                    ;;
                --pricing-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__pricing__subcmd__validate)
            opts="-h --strict --json --wide --pricing-dir --db --user --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --pricing-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__reconcile)
            opts="-h --since --json --wide --pricing-dir --db --user --help adobe-firefly alibaba-wan bfl byteplus elevenlabs fal google hedra higgsfield ideogram ideogram-api kling kling-api krea luma luma-api makeclipai midjourney minimax minimax-api modelpix openai pika pixverse recraft replicate runway runway-api stability videodraft xai"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --since)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --pricing-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__refund)
            opts="-h --at --force --allow-future --json --wide --pricing-dir --db --user --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --at)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --pricing-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__refunds)
            opts="-h --json --wide --pricing-dir --db --user --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --pricing-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__report)
            opts="-h --by --project --platform --model --tag --status --since --until --user --csv --total --chart --top --ascii --html --markup --rate --cost --json --wide --pricing-dir --db --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --by)
                    COMPREPLY=($(compgen -W "project platform model day week month user tag:" -- "${cur}"))
                    return 0
                    ;;
                --project)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --platform)
                    COMPREPLY=($(compgen -W "adobe-firefly alibaba-wan bfl byteplus elevenlabs fal google hedra higgsfield ideogram ideogram-api kling kling-api krea luma luma-api makeclipai midjourney minimax minimax-api modelpix openai pika pixverse recraft replicate runway runway-api stability videodraft xai" -- "${cur}"))
                    return 0
                    ;;
                --model)
                    COMPREPLY=($(compgen -W "act_two ai-agent-consultations aleph avatar-video canvas conservative-upscale creative-upscale crisp-upscale eleven-flash-v2.5 eleven-multilingual-v2 eleven-turbo-v2.5 eleven-v3 eleven_multilingual_v2 erase-region extended-video fast-upscale finetuned-inference flux-1-fill-pro flux-1.1-pro flux-1.1-pro-raw flux-1.1-pro-ultra flux-2-flex flux-2-klein-4b flux-2-klein-9b flux-2-max flux-2-pro flux-dev flux-kontext-max flux-kontext-pro flux-pro flux-schnell frames gemini-2.5-flash-image gemini-3-pro-image gemini-3.1-flash-image gemini-3.1-flash-lite-image gemini-nano-banana-2.1 gemini-omni-flash-preview gemini_omni_flash gen-2 gen-3-alpha gen-3-alpha-turbo gen-4 gen-4-turbo gen-4.5 gen3a_turbo gen4.5 gen4_aleph gen4_image gen4_image_turbo gen4_turbo generate-video google-text-to-speech google-veo2 google-veo3 google-veo3-fast gpt-image gpt-image-1 gpt-image-1-mini gpt-image-1.5 gpt-image-2 grok-imagine-video grok-imagine-video-1.5 grok_imagine_1_5 h3_max hailuo3 hedra-avatar ideogram-1-default ideogram-1-turbo ideogram-2 ideogram-2a-default ideogram-2a-turbo ideogram-3 ideogram-3.0 ideogram-4 ideogram-4.5 ideogram-v3-quality image-expansion imagen-4 imagen-4-fast imagen-4-standard imagen-4-ultra inpaint kling-1.0 kling-2.5-turbo-pro kling-3.0 kling-ai kling-avatar kling-image-o1 kling-lip-sync kling-v1-5-image kling-v1-image kling-v2-1-image kling-v2-6 kling-v2-6-motion-control kling-v2-image kling-v2-new-image kling-v2.1 kling-v3 kling-v3-4k kling-v3-image kling-v3-motion-control kling-v3-omni kling-v3-omni-image kling-v3-pro kling-video-o1 kolors-virtual-try-on-v1 kolors-virtual-try-on-v1-5 layerize lip-sync luma-ray-2 luma-ray-flash minimax-h3 minimax-hailuo-02 minimax-hailuo-2.3-fast nano-banana outpaint ovi photon photon-flash pika-2.2 pika-2.5-pro pika-2.5-turbo pika-basic pika-effects pixverse-c1 pixverse-v5 pixverse-v6 ray-3.2-video-to-video ray1.6 ray2 ray2-flash recraft-v2 recraft-v3 recraft-v3-svg recraft-v4.1 recraft-v4.1-pro remove-background scene-enhancement script-generation sd3.5-large sd3.5-large-turbo sd3.5-medium seedance-2.0 seedance-2.5 seedance2_5 seedream-4.0 seedream-4.5 seedream-5.0-lite seedream-v4 silent-audio-generation simple-image-operation sora-2 sora-2-pro soul speak stable-image-core stable-image-ultra standard-generation standard-image-generation style-transfer text-to-image text-to-speech uni-1 uni-1-edit upscale vectorize veo-3 veo-3.0-fast-generate-001 veo-3.0-generate-001 veo-3.1 veo-3.1-fast veo-3.1-lite veo3 veo3.1 veo3.1_fast video voice-or-sound wan-2.5 wan-3 wan2.1-kf2v-plus wan2.2-s2v wan3 wan3.0" -- "${cur}"))
                    return 0
                    ;;
                --tag)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --status)
                    COMPREPLY=($(compgen -W "ok failed refunded" -- "${cur}"))
                    return 0
                    ;;
                --since)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --until)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --user)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --chart)
                    COMPREPLY=($(compgen -W "money credits" -- "${cur}"))
                    return 0
                    ;;
                --top)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --html)
                    local oldifs
                    if [ -n "${IFS+x}" ]; then
                        oldifs="$IFS"
                    fi
                    IFS=$'\n'
                    COMPREPLY=($(compgen -f "${cur}"))
                    if [ -n "${oldifs+x}" ]; then
                        IFS="$oldifs"
                    fi
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o filenames
                    fi
                    return 0
                    ;;
                --markup)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --rate)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --cost)
                    COMPREPLY=($(compgen -W "estimated billed best" -- "${cur}"))
                    return 0
                    ;;
                --pricing-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__reprice)
            opts="-h --project --platform --model --tag --status --since --until --user --dry-run --json --wide --pricing-dir --db --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --project)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --platform)
                    COMPREPLY=($(compgen -W "adobe-firefly alibaba-wan bfl byteplus elevenlabs fal google hedra higgsfield ideogram ideogram-api kling kling-api krea luma luma-api makeclipai midjourney minimax minimax-api modelpix openai pika pixverse recraft replicate runway runway-api stability videodraft xai" -- "${cur}"))
                    return 0
                    ;;
                --model)
                    COMPREPLY=($(compgen -W "act_two ai-agent-consultations aleph avatar-video canvas conservative-upscale creative-upscale crisp-upscale eleven-flash-v2.5 eleven-multilingual-v2 eleven-turbo-v2.5 eleven-v3 eleven_multilingual_v2 erase-region extended-video fast-upscale finetuned-inference flux-1-fill-pro flux-1.1-pro flux-1.1-pro-raw flux-1.1-pro-ultra flux-2-flex flux-2-klein-4b flux-2-klein-9b flux-2-max flux-2-pro flux-dev flux-kontext-max flux-kontext-pro flux-pro flux-schnell frames gemini-2.5-flash-image gemini-3-pro-image gemini-3.1-flash-image gemini-3.1-flash-lite-image gemini-nano-banana-2.1 gemini-omni-flash-preview gemini_omni_flash gen-2 gen-3-alpha gen-3-alpha-turbo gen-4 gen-4-turbo gen-4.5 gen3a_turbo gen4.5 gen4_aleph gen4_image gen4_image_turbo gen4_turbo generate-video google-text-to-speech google-veo2 google-veo3 google-veo3-fast gpt-image gpt-image-1 gpt-image-1-mini gpt-image-1.5 gpt-image-2 grok-imagine-video grok-imagine-video-1.5 grok_imagine_1_5 h3_max hailuo3 hedra-avatar ideogram-1-default ideogram-1-turbo ideogram-2 ideogram-2a-default ideogram-2a-turbo ideogram-3 ideogram-3.0 ideogram-4 ideogram-4.5 ideogram-v3-quality image-expansion imagen-4 imagen-4-fast imagen-4-standard imagen-4-ultra inpaint kling-1.0 kling-2.5-turbo-pro kling-3.0 kling-ai kling-avatar kling-image-o1 kling-lip-sync kling-v1-5-image kling-v1-image kling-v2-1-image kling-v2-6 kling-v2-6-motion-control kling-v2-image kling-v2-new-image kling-v2.1 kling-v3 kling-v3-4k kling-v3-image kling-v3-motion-control kling-v3-omni kling-v3-omni-image kling-v3-pro kling-video-o1 kolors-virtual-try-on-v1 kolors-virtual-try-on-v1-5 layerize lip-sync luma-ray-2 luma-ray-flash minimax-h3 minimax-hailuo-02 minimax-hailuo-2.3-fast nano-banana outpaint ovi photon photon-flash pika-2.2 pika-2.5-pro pika-2.5-turbo pika-basic pika-effects pixverse-c1 pixverse-v5 pixverse-v6 ray-3.2-video-to-video ray1.6 ray2 ray2-flash recraft-v2 recraft-v3 recraft-v3-svg recraft-v4.1 recraft-v4.1-pro remove-background scene-enhancement script-generation sd3.5-large sd3.5-large-turbo sd3.5-medium seedance-2.0 seedance-2.5 seedance2_5 seedream-4.0 seedream-4.5 seedream-5.0-lite seedream-v4 silent-audio-generation simple-image-operation sora-2 sora-2-pro soul speak stable-image-core stable-image-ultra standard-generation standard-image-generation style-transfer text-to-image text-to-speech uni-1 uni-1-edit upscale vectorize veo-3 veo-3.0-fast-generate-001 veo-3.0-generate-001 veo-3.1 veo-3.1-fast veo-3.1-lite veo3 veo3.1 veo3.1_fast video voice-or-sound wan-2.5 wan-3 wan2.1-kf2v-plus wan2.2-s2v wan3 wan3.0" -- "${cur}"))
                    return 0
                    ;;
                --tag)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --status)
                    COMPREPLY=($(compgen -W "ok failed refunded" -- "${cur}"))
                    return 0
                    ;;
                --since)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --until)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --user)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --pricing-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__rm)
            opts="-h --json --wide --pricing-dir --db --user --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --pricing-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__scan)
            opts="-h --platform --model --project --tag --mode --dry-run --no-audio-price --watch --json --wide --pricing-dir --db --user --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --platform)
                    COMPREPLY=($(compgen -W "adobe-firefly alibaba-wan bfl byteplus elevenlabs fal google hedra higgsfield ideogram ideogram-api kling kling-api krea luma luma-api makeclipai midjourney minimax minimax-api modelpix openai pika pixverse recraft replicate runway runway-api stability videodraft xai" -- "${cur}"))
                    return 0
                    ;;
                --model)
                    COMPREPLY=($(compgen -W "act_two ai-agent-consultations aleph avatar-video canvas conservative-upscale creative-upscale crisp-upscale eleven-flash-v2.5 eleven-multilingual-v2 eleven-turbo-v2.5 eleven-v3 eleven_multilingual_v2 erase-region extended-video fast-upscale finetuned-inference flux-1-fill-pro flux-1.1-pro flux-1.1-pro-raw flux-1.1-pro-ultra flux-2-flex flux-2-klein-4b flux-2-klein-9b flux-2-max flux-2-pro flux-dev flux-kontext-max flux-kontext-pro flux-pro flux-schnell frames gemini-2.5-flash-image gemini-3-pro-image gemini-3.1-flash-image gemini-3.1-flash-lite-image gemini-nano-banana-2.1 gemini-omni-flash-preview gemini_omni_flash gen-2 gen-3-alpha gen-3-alpha-turbo gen-4 gen-4-turbo gen-4.5 gen3a_turbo gen4.5 gen4_aleph gen4_image gen4_image_turbo gen4_turbo generate-video google-text-to-speech google-veo2 google-veo3 google-veo3-fast gpt-image gpt-image-1 gpt-image-1-mini gpt-image-1.5 gpt-image-2 grok-imagine-video grok-imagine-video-1.5 grok_imagine_1_5 h3_max hailuo3 hedra-avatar ideogram-1-default ideogram-1-turbo ideogram-2 ideogram-2a-default ideogram-2a-turbo ideogram-3 ideogram-3.0 ideogram-4 ideogram-4.5 ideogram-v3-quality image-expansion imagen-4 imagen-4-fast imagen-4-standard imagen-4-ultra inpaint kling-1.0 kling-2.5-turbo-pro kling-3.0 kling-ai kling-avatar kling-image-o1 kling-lip-sync kling-v1-5-image kling-v1-image kling-v2-1-image kling-v2-6 kling-v2-6-motion-control kling-v2-image kling-v2-new-image kling-v2.1 kling-v3 kling-v3-4k kling-v3-image kling-v3-motion-control kling-v3-omni kling-v3-omni-image kling-v3-pro kling-video-o1 kolors-virtual-try-on-v1 kolors-virtual-try-on-v1-5 layerize lip-sync luma-ray-2 luma-ray-flash minimax-h3 minimax-hailuo-02 minimax-hailuo-2.3-fast nano-banana outpaint ovi photon photon-flash pika-2.2 pika-2.5-pro pika-2.5-turbo pika-basic pika-effects pixverse-c1 pixverse-v5 pixverse-v6 ray-3.2-video-to-video ray1.6 ray2 ray2-flash recraft-v2 recraft-v3 recraft-v3-svg recraft-v4.1 recraft-v4.1-pro remove-background scene-enhancement script-generation sd3.5-large sd3.5-large-turbo sd3.5-medium seedance-2.0 seedance-2.5 seedance2_5 seedream-4.0 seedream-4.5 seedream-5.0-lite seedream-v4 silent-audio-generation simple-image-operation sora-2 sora-2-pro soul speak stable-image-core stable-image-ultra standard-generation standard-image-generation style-transfer text-to-image text-to-speech uni-1 uni-1-edit upscale vectorize veo-3 veo-3.0-fast-generate-001 veo-3.0-generate-001 veo-3.1 veo-3.1-fast veo-3.1-lite veo3 veo3.1 veo3.1_fast video voice-or-sound wan-2.5 wan-3 wan2.1-kf2v-plus wan2.2-s2v wan3 wan3.0" -- "${cur}"))
                    return 0
                    ;;
                --project)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --tag)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --mode)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --pricing-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__status)
            opts="-h --json --wide --pricing-dir --db --user --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --pricing-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__sync)
            opts="-h --since --json --wide --pricing-dir --db --user --help fal replicate openai runway kling"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --since)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --pricing-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__topup)
            opts="-h --pack --credits --price --expires-in --never-expires --at --allow-future --force --json --wide --pricing-dir --db --user --help adobe-firefly alibaba-wan bfl byteplus elevenlabs fal google hedra higgsfield ideogram ideogram-api kling kling-api krea luma luma-api makeclipai midjourney minimax minimax-api modelpix openai pika pixverse recraft replicate runway runway-api stability videodraft xai list rm help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --pack)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --credits)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --price)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --expires-in)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --at)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --pricing-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__topup__subcmd__help)
            opts="list rm help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__topup__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__topup__subcmd__help__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__topup__subcmd__help__subcmd__rm)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__topup__subcmd__list)
            opts="-h --json --wide --pricing-dir --db --user --help adobe-firefly alibaba-wan bfl byteplus elevenlabs fal google hedra higgsfield ideogram ideogram-api kling kling-api krea luma luma-api makeclipai midjourney minimax minimax-api modelpix openai pika pixverse recraft replicate runway runway-api stability videodraft xai"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --pricing-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        credits__subcmd__topup__subcmd__rm)
            opts="-h --force --json --wide --pricing-dir --db --user --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --pricing-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
    esac
}

if [[ "${BASH_VERSINFO[0]}" -eq 4 && "${BASH_VERSINFO[1]}" -ge 4 || "${BASH_VERSINFO[0]}" -gt 4 ]]; then
    complete -F _credits -o nosort -o bashdefault -o default credits
else
    complete -F _credits -o bashdefault -o default credits
fi
