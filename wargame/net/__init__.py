"""Networked classroom play: one host holds the games, teams join over websockets.

``protocol`` (the messages), ``codes`` (join codes and ``codes.json``),
``table`` (one game and the seats that hold its sides), ``classroom`` (a
class folder of games), ``server`` and ``client`` (the transport). The
engine stays the only judge: the host applies every decision and sends
each connection only the view its code opens.
"""
