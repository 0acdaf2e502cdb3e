"Shared timing helper of the benchmarks: warm up, CUDA events, median, peak memory."
import statistics, time
import torch

def time_step(step, device, warmup:int, iters:int) -> dict:
    "Median/min/max and all step times in ms, and peak memory in GiB (CUDA only), of `step()`."
    cuda = torch.device(device).type == 'cuda'
    for _ in range(warmup): step()
    if cuda: torch.cuda.synchronize(); torch.cuda.reset_peak_memory_stats()
    times = []
    for _ in range(iters):
        if cuda:
            a, b = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
            a.record(); step(); b.record(); torch.cuda.synchronize(); times.append(a.elapsed_time(b))
        else:
            t0 = time.perf_counter(); step(); times.append(1e3 * (time.perf_counter() - t0))
    peak = torch.cuda.max_memory_allocated() / 2**30 if cuda else None
    return dict(median_ms=statistics.median(times), min_ms=min(times), max_ms=max(times), times_ms=times, peak_mem_gib=peak)
