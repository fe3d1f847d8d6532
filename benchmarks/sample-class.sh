# Sourced by the grading benchmarks (grading-class.sh, grading-cpu-ab.sh); not run on its own.
# make_student WORK SUITE NAME [SAMPLE]: writes the hand-in WORK/class/NAME, every file of SUITE's SUBMIT.txt as the
# solution has it (WORK/starter holds `convspec assign`'s starter), with the sample tests/Grading/Submissions/SAMPLE
# laid over them. An older suite may lack a sample; this checkout's then stands in (files it does not grade are ignored).
make_student() {
  local work=$1 suite=$2 name=$3 sample=${4:-}
  grep -v '^#' "$work/starter/SUBMIT.txt" | while read -r path; do
    [ -n "$path" ] || continue
    mkdir -p "$work/class/$name/$(dirname "$path")"
    cp "$suite/$path" "$work/class/$name/$path"
  done
  if [ -n "$sample" ]; then
    local from="$suite/tests/Grading/Submissions/$sample"
    [ -d "$from" ] || from="$(dirname "${BASH_SOURCE[0]}")/../tests/Grading/Submissions/$sample"
    cp -r "$from/src" "$work/class/$name/"
  fi
}
