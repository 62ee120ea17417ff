package io.paperboy.stats;

/**
 * Maps values of the data onto a stretch of the drawing. Values outside the domain are held at
 * its ends, so whatever the data, nothing is drawn outside the chart's box.
 *
 * @param domainMin the smallest value of the data
 * @param domainMax the largest value of the data
 * @param rangeMin where {@code domainMin} is drawn
 * @param rangeMax where {@code domainMax} is drawn (smaller than {@code rangeMin} for a y axis, which grows upwards)
 */
record Scale(double domainMin, double domainMax, double rangeMin, double rangeMax) {

	double map(double value) {
		if (!(this.domainMax > this.domainMin)) {
			// a single value has no extent to spread over: draw it in the middle
			return (this.rangeMin + this.rangeMax) / 2;
		}
		double fraction = (value - this.domainMin) / (this.domainMax - this.domainMin);
		if (Double.isNaN(fraction)) {
			fraction = 0;
		}
		fraction = Math.max(0, Math.min(1, fraction));
		return this.rangeMin + fraction * (this.rangeMax - this.rangeMin);
	}

}
