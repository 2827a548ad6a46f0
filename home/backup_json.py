"""Django's JSON Lines fixtures, but exact: its encoder cuts times to milliseconds, which
a backup must not. One object per line, so that a backup is written and read a row at a
time, never whole in memory. Registered as the "acnjsonl" serialisation format for
home/backup/."""

import datetime

from django.core.serializers.json import DjangoJSONEncoder
from django.core.serializers.jsonl import Deserializer
from django.core.serializers.jsonl import Serializer as JSONLinesSerializer


class ExactJSONEncoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


class Serializer(JSONLinesSerializer):
    def _init_options(self):
        self.options.setdefault("cls", ExactJSONEncoder)
        super()._init_options()


__all__ = ["Deserializer", "Serializer"]
