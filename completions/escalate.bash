# bash completion for escalate(1): subcommands, options, rule ids, report formats, files.
# Installed as /usr/share/bash-completion/completions/escalate; or source it from ~/.bashrc.
# Works with or without the bash-completion package. tests/e2e/adoption.sh keeps the option
# lists below equal to `escalate <command> --help`.

_escalate_rule_ids() {
  # The first column of `escalate rules`; the binary being completed is the one asked.
  "${1:-escalate}" rules 2>/dev/null | while read -r id _; do
    case $id in [a-z]*) printf '%s\n' "$id" ;; esac
  done
}

_escalate() {
  local cur prev words cword
  if declare -F _init_completion >/dev/null 2>&1; then
    _init_completion -n = || return
  else
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD-1]}
    words=("${COMP_WORDS[@]}")
    cword=$COMP_CWORD
  fi

  local commands="check build lint-comms status next report init rules explain schema"
  local common="--config --now -j --jobs -q --quiet --no-color --stdin-filename --strict --format -h --help"
  local reports="-o --output --baseline --write-baseline"
  local formats="text json junit sarif github"

  # The subcommand: the first word after `escalate` that is not an option.
  local cmd="" i
  for ((i = 1; i < cword; i++)); do
    case ${words[i]} in
      -*) ;;
      *) cmd=${words[i]}; break ;;
    esac
  done

  if [ -z "$cmd" ]; then
    COMPREPLY=($(compgen -W "$commands --help --version" -- "$cur"))
    return 0
  fi

  # Values of options.
  case $prev in
    --format)
      [ "$cmd" = status ] && formats="text json ics"
      [ "$cmd" = next ] && formats="eml txt"
      [ "$cmd" = report ] && formats="html csv json"
      COMPREPLY=($(compgen -W "$formats" -- "$cur")); return 0 ;;
    --within)
      COMPREPLY=($(compgen -W "30m 4h 24h 2d 1bd" -- "$cur")); return 0 ;;
    --owner|--account)
      return 0 ;;
    --severity)
      COMPREPLY=($(compgen -W "P1 P2 P3" -- "$cur")); return 0 ;;
    --since|--until)
      COMPREPLY=($(compgen -W "$(date -u +%Y-%m-01 2>/dev/null)" -- "$cur")); return 0 ;;
    --now)
      COMPREPLY=($(compgen -W "$(date -u +%Y-%m-%dT%H:%M:%SZ 2>/dev/null)" -- "$cur")); return 0 ;;
    -j|--jobs|--id|--stdin-filename)
      return 0 ;;
    -o|--output-dir|--templates)
      if [ "$cmd" = build ] || [ "$prev" = --templates ]; then
        compopt -o filenames 2>/dev/null
        COMPREPLY=($(compgen -d -- "$cur")); return 0
      fi
      compopt -o filenames 2>/dev/null
      COMPREPLY=($(compgen -f -- "$cur")); return 0 ;;
    --font)
      compopt -o filenames 2>/dev/null
      COMPREPLY=($(compgen -d -- "$cur") $(compgen -f -X '!*.@(ttf|TTF|otf|OTF)' -- "$cur")); return 0 ;;
    --config|--output|--baseline|--write-baseline|--junit|--sarif|--incident|--exclude)
      compopt -o filenames 2>/dev/null
      COMPREPLY=($(compgen -f -- "$cur")); return 0 ;;
  esac

  local opts
  case $cmd in
    check) opts="$common $reports --exclude" ;;
    lint-comms) opts="$common $reports --incident" ;;
    build) opts="$common -o --output-dir --output --baseline --write-baseline --force --templates --font --junit --sarif --exclude" ;;
    status) opts="--config --now --within --format --owner -o --output --no-color --exclude -h --help" ;;
    next) opts="-o --output --format --force --config --now -q --quiet -h --help" ;;
    report) opts="--config --now -o --output --format --since --until --severity --account --metrics -j --jobs --exclude -h --help" ;;
    init) opts="--id -h --help" ;;
    rules) opts="-h --help --markdown" ;;
    explain)
      if [[ $cur != -* ]]; then
        COMPREPLY=($(compgen -W "$(_escalate_rule_ids "${words[0]}")" -- "$cur"))
        return 0
      fi
      opts="-h --help" ;;
    schema)
      if [[ $cur != -* ]]; then
        COMPREPLY=($(compgen -W "record config" -- "$cur"))
        return 0
      fi
      opts="-h --help" ;;
    *) return 0 ;;
  esac

  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
    return 0
  fi

  # Positional arguments: records (check, build, status, next) or drafts (lint-comms), and folders.
  compopt -o filenames 2>/dev/null
  local pattern='*.@(yaml|yml)'
  [ "$cmd" = lint-comms ] && pattern='*.@(eml|txt|md)'
  local IFS=$'\n'
  local old_extglob
  old_extglob=$(shopt -p extglob)
  shopt -s extglob
  COMPREPLY=($(compgen -d -- "$cur") $(compgen -f -X "!$pattern" -- "$cur"))
  eval "$old_extglob"
  [ "$cur" = - ] && COMPREPLY+=(-)
  return 0
}

complete -F _escalate escalate
