import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a profiled digest run spent its time: the execution samples of a Java Flight Recorder file
 * (bench/digest.sh with PROFILE=dir) by thread, then, for the threads whose name contains the
 * second argument, by frame (the method on top of the stack, and every method on the stack), and
 * the JVM's CPU seconds in all and from the senders' first sample on (the run without the JVM's and
 * Spring's start), from the recording's CPU load, taken every second.
 *
 * Usage: java bench/JfrSummary.java FILE.jfr [THREAD-NAME-PART (default digest-sender)] [LINES (default 40)]
 */
public class JfrSummary {

	public static void main(String[] args) throws Exception {
		String threadPart = (args.length > 1) ? args[1] : "digest-sender";
		int lines = (args.length > 2) ? Integer.parseInt(args[2]) : 40;
		int cpus = Runtime.getRuntime().availableProcessors();
		Map<String, Integer> threads = new HashMap<>();
		Map<String, Integer> top = new HashMap<>();
		Map<String, Integer> inclusive = new HashMap<>();
		List<RecordedEvent> loads = new ArrayList<>();
		Instant firstSender = null;
		int total = 0;
		try (RecordingFile recording = new RecordingFile(Path.of(args[0]))) {
			while (recording.hasMoreEvents()) {
				RecordedEvent event = recording.readEvent();
				String type = event.getEventType().getName();
				if (type.equals("jdk.CPULoad")) {
					loads.add(event);
					continue;
				}
				if (!type.equals("jdk.ExecutionSample")) {
					continue;
				}
				RecordedThread thread = event.getThread("sampledThread");
				String name = (thread != null && thread.getJavaName() != null) ? thread.getJavaName() : "?";
				threads.merge(name, 1, Integer::sum);
				if (name.startsWith("digest-sender")
						&& (firstSender == null || event.getStartTime().isBefore(firstSender))) {
					firstSender = event.getStartTime();
				}
				if (!name.contains(threadPart) || event.getStackTrace() == null
						|| event.getStackTrace().getFrames().isEmpty()) {
					continue;
				}
				total++;
				List<RecordedFrame> frames = event.getStackTrace().getFrames();
				top.merge(frame(frames.get(0)), 1, Integer::sum);
				Set<String> seen = new HashSet<>();
				for (RecordedFrame frame : frames) {
					if (seen.add(frame(frame))) {
						inclusive.merge(frame(frame), 1, Integer::sum);
					}
				}
			}
		}
		loads.sort(Comparator.comparing(RecordedEvent::getStartTime));
		double all = 0;
		double run = 0;
		Instant previous = null;
		for (RecordedEvent load : loads) {
			if (previous != null) {
				double seconds = Duration.between(previous, load.getStartTime()).toNanos() / 1e9
						* (load.getFloat("jvmUser") + load.getFloat("jvmSystem")) * cpus;
				all += seconds;
				if (firstSender != null && !load.getStartTime().isBefore(firstSender)) {
					run += seconds;
				}
			}
			previous = load.getStartTime();
		}
		System.out.printf("JVM CPU: %.1f s in all, %.1f s from the senders' first sample on%n", all, run);
		System.out.println("Samples by thread: " + sorted(threads, 12));
		System.out.printf("%d samples of threads named *%s*%n", total, threadPart);
		System.out.println("== on top of the stack");
		print(top, total, lines);
		System.out.println("== anywhere on the stack");
		print(inclusive, total, lines);
	}

	private static String frame(RecordedFrame frame) {
		return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
	}

	private static List<Map.Entry<String, Integer>> sorted(Map<String, Integer> counts, int limit) {
		return counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.limit(limit)
			.toList();
	}

	private static void print(Map<String, Integer> counts, int total, int limit) {
		for (Map.Entry<String, Integer> entry : sorted(counts, limit)) {
			System.out.printf("%6.1f%% %6d %s%n", 100.0 * entry.getValue() / total, entry.getValue(), entry.getKey());
		}
	}

}
