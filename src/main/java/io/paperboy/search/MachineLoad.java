package io.paperboy.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How many cores of the machine were busy since the last reading, whoever kept them busy: this
 * process, a PostgreSQL beside it, a backup. The embedding queue's extra threads step aside when
 * work other than embedding needs the cores they would take.
 */
@FunctionalInterface
interface MachineLoad {

	/** Cores busy on average since the previous call; {@link Double#NaN} when the machine does not say. */
	double busyCores();

	/**
	 * Linux's count of the processors' time ({@code /proc/stat}, its first line): busy is user, nice,
	 * system, interrupts; idle, waiting for the disk and time taken by the hypervisor are not.
	 * {@code OperatingSystemMXBean.getCpuLoad()} reads the same file, but its interval runs from
	 * anyone's previous call (the metrics' gauge too), which would not match the interval over
	 * which the queue counts this process's own time.
	 */
	static MachineLoad procStat() {
		return new ProcStat(Path.of("/proc/stat"));
	}

	/** Reads {@code /proc/stat}; NaN on a system without it. */
	final class ProcStat implements MachineLoad {

		private final Path file;

		private long lastBusy = -1;

		private long lastTotal;

		ProcStat(Path file) {
			this.file = file;
		}

		@Override
		public synchronized double busyCores() {
			List<String> lines;
			try {
				lines = Files.readAllLines(this.file);
			}
			catch (IOException | RuntimeException ex) {
				return Double.NaN;
			}
			if (lines.isEmpty() || !lines.get(0).startsWith("cpu ")) {
				return Double.NaN;
			}
			int cores = (int) lines.stream().filter((line) -> line.matches("cpu\\d+ .*")).count();
			String[] ticks = lines.get(0).trim().split("\\s+");
			if (ticks.length < 8 || cores == 0) {
				return Double.NaN;
			}
			// user nice system idle iowait irq softirq steal
			long busy = tick(ticks, 1) + tick(ticks, 2) + tick(ticks, 3) + tick(ticks, 6) + tick(ticks, 7);
			long total = busy + tick(ticks, 4) + tick(ticks, 5) + ((ticks.length > 8) ? tick(ticks, 8) : 0);
			long previousBusy = this.lastBusy;
			long previousTotal = this.lastTotal;
			this.lastBusy = busy;
			this.lastTotal = total;
			if (previousBusy < 0 || total <= previousTotal) {
				return Double.NaN;
			}
			return cores * (double) (busy - previousBusy) / (total - previousTotal);
		}

		private static long tick(String[] ticks, int index) {
			return Long.parseLong(ticks[index]);
		}

	}

}
