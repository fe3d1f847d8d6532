"""Where `dotnet test` spends its time: reads the TRX files a run left (artifacts/test-results by default) and
prints, per test project, the run's span, the summed test durations, the slowest classes and the slowest tests.
A test's duration is what the runner attributes to it; fixture construction lands in the first test that needs it.
Needs only the Python standard library. Usage: suite-durations.py [results-folder] [top=12]"""
import collections
import datetime
import glob
import os
import sys
import xml.etree.ElementTree as ET

NS = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"


def seconds(text):
    h, m, s = text.split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)


def when(text):
    return datetime.datetime.fromisoformat(text[:26] + text[-6:] if len(text) > 32 else text)


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "artifacts/test-results"
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 12
    for path in sorted(glob.glob(os.path.join(folder, "*.trx"))):
        root = ET.parse(path).getroot()
        times = root.find(f"{NS}Times")
        span = (when(times.get("finish")) - when(times.get("start"))).total_seconds() if times is not None else float("nan")
        results = [(r.get("testName"), seconds(r.get("duration", "0:0:0")), r.get("outcome"))
                   for r in root.iter(f"{NS}UnitTestResult")]
        total = sum(d for _, d, _ in results)
        print(f"\n## {os.path.basename(path)}: {len(results)} tests, run span {span:.0f} s, summed test time {total:.0f} s")
        classes = collections.Counter()
        counts = collections.Counter()
        for name, d, _ in results:
            cls = name.split("(")[0].rsplit(".", 1)[0]
            classes[cls] += d
            counts[cls] += 1
        print("\n| class | tests | seconds |\n|---|---|---|")
        for cls, d in classes.most_common(top):
            print(f"| {cls.replace('ConvSpec.Tests.', '')} | {counts[cls]} | {d:.1f} |")
        print("\n| test | seconds |\n|---|---|")
        for name, d, _ in sorted(results, key=lambda r: -r[1])[:top]:
            print(f"| {name.replace('ConvSpec.Tests.', '')[:140]} | {d:.1f} |")


if __name__ == "__main__":
    main()
