"""Django's JSON fixtures, but exact: its encoder cuts times to milliseconds, which a
backup must not. Registered as the "acnjson" serialisation format for home/backup.py."""

import datetime

from django.core.serializers.json import Deserializer, DjangoJSONEncoder
from django.core.serializers.json import Serializer as JSONSerializer


class ExactJSONEncoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


class Serializer(JSONSerializer):
    def _init_options(self):
        self.options.setdefault("cls", ExactJSONEncoder)
        super()._init_options()


__all__ = ["Deserializer", "Serializer"]
