/**
 * The generated demo province (modelled on Quảng Ninh, deterministic, sized by a factor) and its loading on
 * the first start. The benchmark reuses the same generator at 10× and 100×.
 */
package vn.cadretraining.demo;
