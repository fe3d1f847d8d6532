"""Prints the two epoch profiles (ConvSpec, PyTorch) that benchmarks/epoch-profile.sh collected, side by side.
Needs only the Python standard library. Usage: profile_table.py convspec.json convspec.rss pytorch.json pytorch.rss"""
import json
import sys


def read(json_path, rss_path):
    report = json.loads(open(json_path).read().strip().splitlines()[-1])
    report["peak_rss_mib"] = int(open(rss_path).read().split()[-1]) / 1024
    return report


def main():
    ours, peer = read(sys.argv[1], sys.argv[2]), read(sys.argv[3], sys.argv[4])
    print()
    print("| | ConvSpec | PyTorch | ratio |")
    print("|---|---|---|---|")
    for key, label in [("epoch_seconds", "plain epoch, s"), ("cpu_seconds", "plain epoch, CPU s")]:
        a, b = ours["plain"][key], peer["plain"][key]
        print(f"| {label} | {a:.2f} | {b:.2f} | {a / b:.2f} |")
    a, b = ours["layered"]["epoch_seconds"], peer["layered"]["epoch_seconds"]
    print(f"| epoch cut layer by layer, s | {a:.2f} | {b:.2f} | {a / b:.2f} |")
    print(f"| test accuracy (plain; layered) | {ours['plain']['test_accuracy']:.4f}; {ours['layered']['test_accuracy']:.4f}"
          f" | {peer['plain']['test_accuracy']:.4f}; {peer['layered']['test_accuracy']:.4f} | |")
    print(f"| evaluation of 10,000, s | {ours['plain']['eval_seconds']:.2f} | {peer['plain']['eval_seconds']:.2f} | |")
    print(f"| peak RSS, MiB (whole process) | {ours['peak_rss_mib']:.0f} | {peer['peak_rss_mib']:.0f} | |")
    print(f"| threads (intra-op, inter-op) | {ours['threads']}, {ours['interop_threads']} | {peer['threads']}, {peer['interop_threads']} | |")
    gc = ours["plain"].get("gc")
    if gc:
        print(f"| managed: GC gen0/1/2, allocated, pause | {gc['gen0']}/{gc['gen1']}/{gc['gen2']}, "
              f"{gc['allocated_mib']:.1f} MiB, {gc['pause_seconds'] * 1000:.0f} ms | | |")
    print()
    print("| seconds per epoch, layer by layer | ConvSpec fwd | bwd | step | PyTorch fwd | bwd | step | ratio of sums |")
    print("|---|---|---|---|---|---|---|---|")
    total_a = total_b = 0.0
    for la, lb in zip(ours["layered"]["layers"], peer["layered"]["layers"]):
        sa = la["forward"] + la["backward"] + la["step"]
        sb = lb["forward"] + lb["backward"] + lb["step"]
        total_a, total_b = total_a + sa, total_b + sb
        print(f"| {la['layer']} | {la['forward']:.2f} | {la['backward']:.2f} | {la['step']:.2f} "
              f"| {lb['forward']:.2f} | {lb['backward']:.2f} | {lb['step']:.2f} | {sa / sb:.2f} |")
    for key, label in [("loss_forward", "cross-entropy forward"), ("loss_backward", "cross-entropy backward"),
                       ("zero_grad", "zero_grad"), ("batch_preparation", "batch preparation (index_select)"),
                       ("read_loss_and_accuracy", "loss.item and correct count")]:
        a, b = ours["layered"][key], peer["layered"][key]
        total_a, total_b = total_a + a, total_b + b
        print(f"| {label} | {a:.2f} | | | {b:.2f} | | | {a / b:.2f} |")
    print(f"| sum of the timed parts | {total_a:.2f} | | | {total_b:.2f} | | | {total_a / total_b:.2f} |")
    ops = peer.get("profiler", {}).get("operators")
    if ops:
        print()
        print(f"torch.profiler, PyTorch plain epoch ({peer['profiler']['epoch_seconds']:.2f} s under the profiler), top operators by self CPU time:")
        print()
        print("| operator | calls | self s |")
        print("|---|---|---|")
        for op in ops:
            print(f"| {op['name']} | {op['calls']} | {op['self_seconds']:.2f} |")


if __name__ == "__main__":
    main()
